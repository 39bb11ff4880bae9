"""Factories for test data. Values come from Faker per call, never fixed at class definition."""

from datetime import timedelta

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify

PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("name", locale="en_GB")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        if create:
            user.save()

    @factory.post_generation
    def groups(user, create, extracted, **kwargs):
        for name in extracted or []:
            user.groups.add(group(name))


def group(name):
    """A group as Wagtail's migrations make it: editors and moderators may open the admin.

    Transactional (browser) tests flush the database, so the migrations' groups may be gone: recreate them here.
    """
    from django.contrib.auth.models import Permission

    from marketplace.core.models import COMMISSIONERS_GROUP, EDITORS_GROUP, MODERATORS_GROUP

    found, _created = Group.objects.get_or_create(name=name)
    if name in (EDITORS_GROUP, MODERATORS_GROUP):
        found.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    if name == COMMISSIONERS_GROUP:
        found.permissions.add(Permission.objects.get(content_type__app_label="insight", codename="view_market_insight"))
    return found


# --- Guidance (wagtail-factories builds pages in the tree: pass parent=...) -----------------------------------


def _default_locale():
    from wagtail.models import Locale

    return Locale.get_default()


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "home.Topic"

    name = factory.Faker("sentence", nb_words=2)
    slug = factory.LazyAttribute(lambda topic: slugify(topic.name))
    locale = factory.LazyFunction(_default_locale)


class AudienceFactory(TopicFactory):
    class Meta:
        model = "home.Audience"


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "home.GlossaryTerm"

    term = factory.Faker("word")
    slug = factory.LazyAttribute(lambda term: slugify(term.term))
    definition = factory.Faker("sentence")
    locale = factory.LazyFunction(_default_locale)


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "home.HomePage"

    title = "Find and choose support"
    intro = "<p>Welcome.</p>"


class GuidanceIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "home.GuidanceIndexPage"

    title = "Guidance"


class GlossaryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "home.GlossaryPage"

    title = "Words we use"


class GuidancePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "home.GuidancePage"

    title = factory.Faker("sentence", nb_words=4)
    summary = factory.Faker("sentence")
    body = factory.LazyFunction(lambda: [("text", "<p>Plain words about support.</p>")])
    last_reviewed = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    next_review_due = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=300))


class InformationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "home.InformationPage"

    title = factory.Faker("sentence", nb_words=2)
    summary = factory.Faker("sentence")
    body = factory.LazyFunction(lambda: [("text", "<p>How we look after the information you give us.</p>")])
    last_reviewed = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=20))


# --- Suppliers --------------------------------------------------------------------------------------------------


def new_organisation(name, slug, kind="charity", **fields):
    """An organisation with its supplier (no members yet)."""
    from providers.models import Organisation, Supplier

    supplier = Supplier.objects.create(kind=Supplier.Kind.ORGANISATION, name=name)
    return Organisation.objects.create(supplier=supplier, slug=slug, kind=kind, **fields)


def organisation_supplier(name, slug, kind="charity", **fields):
    """The supplier of a new organisation: what listings and checks point at."""
    return new_organisation(name, slug, kind, **fields).supplier


def personal_assistant(name, user=None, **fields):
    """A PA profile with its supplier, owned by `user` (a new one by default)."""
    from providers.models import Membership, PersonalAssistant, Supplier

    user = user or UserFactory()
    supplier = Supplier.objects.create(kind=Supplier.Kind.PERSONAL_ASSISTANT, name=name)
    fields = {"employment": PersonalAssistant.Employment.SELF_EMPLOYED, "home_postcode": "EH1 1YZ", **fields}
    profile = PersonalAssistant.objects.create(user=user, supplier=supplier, **fields)
    Membership.objects.create(user=user, supplier=supplier, role=Membership.Role.OWNER)
    owner_has_mfa(user)
    return profile


def owner_has_mfa(user):
    """Supplier owners must use two-factor authentication before their dashboard opens: test owners have it."""
    from allauth.mfa.utils import is_mfa_enabled

    from tests.mfa import enable_totp

    if not is_mfa_enabled(user):
        enable_totp(user)
