"""The demo data command: idempotent, valid content, real translations, aliases elsewhere, one user per role."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from django.utils.html import strip_tags
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import LocaleSynchronization, StringTranslation, Translation, TranslationSource

from home.glossary import glossary_ids_in
from home.models import (
    Audience,
    FooterLink,
    GlossaryPage,
    GlossaryTerm,
    GuidanceChange,
    GuidanceIndexPage,
    GuidancePage,
    HomePage,
    InformationPage,
    Topic,
)
from home.reviews import overdue_pages
from marketplace.demo.directory import ProviderDemo
from marketplace.demo.guidance.builders import DEMO_EMAIL, DEMO_OUT_OF_HOURS_PHONE, DEMO_PHONE, DEMO_TEXTPHONE
from marketplace.demo.guidance.council_pages import COUNCIL_PAGES
from marketplace.demo.guidance.loader import DemoLoader
from marketplace.demo.guidance.pages import GUIDANCE
from marketplace.demo.reviews import ReviewDemo
from marketplace.demo.users import DEMO_USERS

TRANSLATED = ["ur", "gd", "pl"]
SDS_SLUG = "what-is-self-directed-support"


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            Revision,
            Locale,
            Site,
            Topic,
            Audience,
            GlossaryTerm,
            get_user_model(),
            EmailAddress,
            Group,
            get_image_model(),
            LocaleSynchronization,
            TranslationSource,
            Translation,
            StringTranslation,
            GuidanceChange,
            InformationPage,
        )
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the demo twice, once for the whole module (it takes a few seconds), inside a transaction that is rolled
    back afterwards so nothing leaks into other tests. Yields the counts after the first run."""
    media_root = str(tmp_path_factory.mktemp("media"))
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root), transaction.atomic():
        call_command("load_demo_data", "--directory-scale=0.03", stdout=_Sink())
        first = _counts()
        call_command("load_demo_data", "--directory-scale=0.03", stdout=_Sink())
        yield first
        transaction.set_rollback(True)


class _Sink:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


def _structure(page):
    return [(block.block_type, block.value["level"] if block.block_type == "heading" else None) for block in page.body]


@pytest.mark.django_db
def test_second_run_changes_nothing(demo):
    assert _counts() == demo
    assert Locale.objects.count() == 8
    assert HomePage.objects.filter(locale__language_code="en").count() == 1


@pytest.mark.django_db
def test_home_page_is_the_default_site_root_and_welcome_page_is_gone(demo):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 80)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.slug == "home"
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()
    home = site.root_page.specific
    assert len(home.signposts) == 4
    assert GuidanceIndexPage.objects.child_of(home).live().get().slug == "guidance"
    assert GlossaryPage.objects.child_of(home).live().get().slug == "glossary"


@pytest.mark.django_db
def test_english_guidance_is_live_valid_and_well_formed(demo):
    english = GuidancePage.objects.live().filter(locale__language_code="en")
    assert english.count() >= 12
    assert english.count() == len(GUIDANCE)
    editor = get_user_model().objects.get(email="editor@example.org")
    pages_with_glossary_links = 0
    for page in english:
        page.body.stream_block.clean(page.body)  # raises ValidationError if any block would be refused
        assert len(page.summary) <= 300
        assert 4 <= len(page.body) <= 10, page.slug
        levels = [int(level) for kind, level in _structure(page) if kind == "heading"]
        assert levels and levels[0] == 2, page.slug
        assert page.owner == editor
        assert page.topics.exists() and page.audiences.exists()
        assert page.last_reviewed < page.next_review_due
        pages_with_glossary_links += bool(glossary_ids_in(page.body))
    assert pages_with_glossary_links >= 2


@pytest.mark.django_db
def test_two_pages_are_overdue_for_review(demo):
    overdue = list(overdue_pages())
    assert len(overdue) == 2
    assert all(page.locale.language_code == "en" for page in overdue)


@pytest.mark.django_db
@pytest.mark.parametrize("language", TRANSLATED)
def test_what_is_sds_is_really_translated(demo, language):
    english = GuidancePage.objects.get(locale__language_code="en", slug=SDS_SLUG)
    translated = GuidancePage.objects.get(locale__language_code=language, translation_key=english.translation_key)
    assert translated.alias_of is None
    assert translated.live
    assert translated.title != english.title
    assert translated.summary != english.summary
    assert _structure(translated) == _structure(english)
    translated.body.stream_block.clean(translated.body)
    # Kept in step through wagtail-localize: every string has a translation, so the Translate editor shows it complete.
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale__language_code=language
    )
    total, done = translation.get_progress()
    assert total == done > 0


@pytest.mark.django_db
@pytest.mark.parametrize("language", TRANSLATED)
def test_home_index_and_glossary_pages_are_translated(demo, language):
    for model in (HomePage, GuidanceIndexPage, GlossaryPage):
        english = model.objects.get(locale__language_code="en")
        translated = model.objects.get(locale__language_code=language)
        assert translated.alias_of is None
        assert translated.live
        assert translated.title != english.title
    assert GuidancePage.objects.filter(locale__language_code=language, alias_of__isnull=True).count() >= 4


@pytest.mark.django_db
def test_every_translation_is_valid_published_and_complete(demo):
    translations = GuidancePage.objects.filter(alias_of__isnull=True).exclude(locale__language_code="en")
    assert translations.count() >= 4 * len(TRANSLATED)
    for page in translations:
        english = GuidancePage.objects.get(locale__language_code="en", translation_key=page.translation_key)
        page.body.stream_block.clean(page.body)
        assert _structure(page) == _structure(english)
        assert len(page.summary) <= 300
        assert page.slug == english.slug
        assert page.live and not page.has_unpublished_changes
    for translation in Translation.objects.all():
        total, done = translation.get_progress()
        assert total == done, translation.source.object_repr


@pytest.mark.django_db
def test_untranslated_pages_are_aliases_in_other_locales(demo):
    english = GuidancePage.objects.get(locale__language_code="en", slug="complaints-and-appeals")
    polish = GuidancePage.objects.get(locale__language_code="pl", translation_key=english.translation_key)
    assert polish.alias_of_id == english.pk
    assert polish.is_untranslated_alias
    for code in ("cy", "pa", "ar", "zh-hans"):
        locale = Locale.objects.get(language_code=code)
        assert GuidancePage.objects.filter(locale=locale).count() == len(GUIDANCE)
        assert not Page.objects.filter(locale=locale, alias_of__isnull=True, depth__gte=2).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Topic, Audience, GlossaryTerm])
def test_taxonomies_are_translated_with_the_same_slug(demo, model):
    english = model.objects.filter(locale__language_code="en")
    assert english.count() >= (14 if model is GlossaryTerm else 8)
    for language in TRANSLATED:
        for term in english:
            translated = model.objects.get(translation_key=term.translation_key, locale__language_code=language)
            assert translated.slug == term.slug
            assert str(translated) != str(term)


@pytest.mark.django_db
def test_demo_users_have_verified_email_and_their_groups(demo):
    User = get_user_model()
    for email, display_name, language, groups, superuser, _role in DEMO_USERS:
        user = User.objects.get(email=email)
        assert user.display_name == display_name
        assert user.preferred_language == language
        assert user.is_superuser == superuser
        assert user.check_password("demo-password-2026")
        assert EmailAddress.objects.filter(user=user, email=email, verified=True, primary=True).exists()
        assert set(user.groups.values_list("name", flat=True)) == set(groups)
    assert User.objects.get(email="editor@example.org").in_group("Editors")
    assert User.objects.get(email="reviewer@example.org").in_group("Peer reviewers")
    assert User.objects.get(email="commissioner@example.org").in_group("Commissioners")


@pytest.mark.django_db
def test_easy_read_page_has_pictures_with_alt_text(demo):
    page = GuidancePage.objects.get(locale__language_code="en", slug="easy-read")
    items = [item for block in page.body if block.block_type == "easy_read" for item in block.value["items"]]
    assert len(items) >= 2
    for item in items:
        assert item["image"] is not None and item["image"].width > 0
        assert len(item["alt_text"]) > 10


def _words(page):
    """Every word a reader sees in the page's body, markup removed."""
    return re.sub(r"\s+", " ", strip_tags(str(page.body.render_as_block())))


@pytest.mark.django_db
def test_council_pages_are_built_one_for_each_footer_link(demo):
    home = HomePage.objects.get(locale__language_code="en")
    english = InformationPage.objects.live().filter(locale__language_code="en")
    assert sorted(english.values_list("footer_link", flat=True)) == sorted(link for link in FooterLink.values if link)
    assert english.count() == len(COUNCIL_PAGES)
    for page in english:
        assert page.get_parent().pk == home.pk
        page.body.stream_block.clean(page.body)
        page.full_clean()  # a valid page: summary length, review date, one page per footer link
        assert page.last_reviewed < page.latest_revision_created_at.date()


@pytest.mark.django_db
def test_council_pages_say_what_a_council_must_say(demo, settings):
    page = {page.footer_link: page for page in InformationPage.objects.filter(locale__language_code="en")}
    accessibility = _words(page[FooterLink.ACCESSIBILITY])
    for required in (
        "partially compliant",
        "Equality and Human Rights Commission",
        "Equality Advisory and Support Service",
        "We prepared this statement on",
        "disproportionate burden",
    ):
        assert required in accessibility, required
    privacy = _words(page[FooterLink.PRIVACY])
    for required in ("data controller", "Public task:", "Consent:", "How long we keep it", "Information Commissioner"):
        assert required in privacy, required
    cookies = _words(page[FooterLink.COOKIES])
    for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME, "messages"):
        assert name in cookies, name
    contact = _words(page[FooterLink.CONTACT])
    for detail in (DEMO_PHONE, DEMO_TEXTPHONE, DEMO_EMAIL, DEMO_OUT_OF_HOURS_PHONE, "999"):
        assert detail in contact, detail


@pytest.mark.django_db
@pytest.mark.parametrize("language", TRANSLATED)
def test_council_pages_are_really_translated(demo, language):
    for english in InformationPage.objects.filter(locale__language_code="en"):
        translated = InformationPage.objects.get(
            locale__language_code=language, translation_key=english.translation_key
        )
        assert translated.alias_of is None and translated.live and not translated.has_unpublished_changes
        assert translated.title != english.title and translated.summary != english.summary
        assert translated.footer_link == english.footer_link
        assert translated.slug == english.slug
        assert _structure(translated) == _structure(english)
        translated.body.stream_block.clean(translated.body)
        translation = Translation.objects.get(
            source__object_id=english.translation_key, target_locale__language_code=language
        )
        total, done = translation.get_progress()
        assert total == done > 0


@pytest.mark.django_db
def test_footer_of_the_demo_links_to_each_languages_council_pages(demo, client):
    urdu = client.get("/ur/").content.decode()
    footer = urdu[urdu.index("<footer") :]
    assert 'href="/ur/accessibility-statement/"' in footer and 'href="/ur/contact-us/"' in footer
    assert 'hreflang="en"' not in footer
    welsh = client.get("/cy/").content.decode()  # not translated: aliases of the English pages
    footer = welsh[welsh.index("<footer") :]
    assert 'href="/cy/privacy-notice/" hreflang="en"' in footer


@pytest.mark.django_db
def test_refuses_settings_that_do_not_allow_demo_data(settings):
    settings.DEMO_DATA_ALLOWED = False  # as in production and any settings but dev and test
    users = get_user_model().objects.count()
    with pytest.raises(CommandError, match="public password"):
        call_command("load_demo_data", "--directory-scale=0.03", stdout=_Sink())
    for loader in (DemoLoader("a-password").run, ProviderDemo(scale=0.03).run, ReviewDemo().run):
        with pytest.raises(CommandError, match="public password"):
            loader()
    assert get_user_model().objects.count() == users


def test_no_flag_lets_demo_data_past_the_refusal():
    with pytest.raises(CommandError, match="unrecognized arguments"):
        call_command("load_demo_data", "--allow-production", stdout=_Sink())
