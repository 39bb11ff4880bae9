"""One small, complete site for fuzzing every view: a person, a provider, a PA, a reviewer, a peer-group coordinator
and an editor, with something of each kind for them to act on (listings, photos, checks, reviews, reports,
invitations, saved searches, alert subscriptions, guidance pages in three languages). Built once per test module.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from django.contrib.auth.tokens import default_token_generator
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.documents import get_document_model

from home import alerts
from home.models import AlertSubscription
from marketplace.acting import context as acting
from marketplace.acting.models import Arrangement, Scope
from marketplace.core.models import EDITORS_GROUP
from marketplace.enquiries import services as services_enquiries
from marketplace.enquiries.models import Message
from marketplace.opendata import ids as oruk_ids
from marketplace.opendata.taxonomies import TAXONOMIES, TermIndex
from marketplace.payments.models import ConnectedAccount
from providers.models import (
    CouncilArea,
    Invitation,
    Language,
    ListingPhoto,
    Membership,
    Need,
    PersonalAssistant,
    Verification,
)
from providers.seed import seed_default_taxonomies
from reviews.models import (
    Endorsement,
    PeerGroup,
    PeerGroupMember,
    QualityStamp,
    Review,
    ReviewInvitation,
    ReviewReport,
)
from reviews.seed import seed_quality_stamps
from search.models import SavedSearch
from tests.factories import PASSWORD, UserFactory, owner_has_mfa, personal_assistant
from tests.mfa import enable_totp
from tests.search_data import published_listing
from tests.site_tree import build_site, sync_aliases, translate
from tests.unit.enquiries.test_enquiries import _request as _enquiry_request
from tests.unit.providers.conftest import make_listing

from . import bookings, budgets, cards, insight, invoices
from .values import PNG

ROLES = (
    "anonymous", "person", "provider", "pa", "reviewer", "coordinator", "editor", "helper", "finance", "commissioner",
)  # fmt: skip


@dataclass
class World:
    users: dict = field(default_factory=dict)  # role -> user (no entry for anonymous)
    ids: dict = field(default_factory=dict)  # what -> a list of real values (ids, slugs, tokens) for URLs and forms
    cookies: dict = field(default_factory=dict)  # role -> the cookies of a signed-in session
    session: dict = field(default_factory=dict)  # role -> what its session holds besides the sign-in
    password: str = PASSWORD

    def real(self, what):
        return self.ids.get(what, [])


def build_world():
    seed_default_taxonomies()
    seed_quality_stamps()
    tree = build_site(languages=("en", "ur", "gd", "pl"))
    translate(tree["home"], "ur", title="مدد تلاش کریں")
    translate(tree["guidance"], "ur", title="ذاتی معاون", summary="ذاتی معاون کو ملازم رکھنا۔")
    sync_aliases(["ur", "gd", "pl"])

    world = World()
    users = world.users
    users["person"] = UserFactory(email="person@fuzz.example")
    users["provider"] = UserFactory(email="provider@fuzz.example")
    users["pa"] = UserFactory(email="pa@fuzz.example")
    users["reviewer"] = UserFactory(email="reviewer@fuzz.example")
    users["coordinator"] = UserFactory(email="coordinator@fuzz.example")
    users["editor"] = UserFactory(email="editor@fuzz.example", groups=[EDITORS_GROUP])
    enable_totp(users["editor"])
    users["helper"] = UserFactory(email="helper@fuzz.example")

    area = CouncilArea.objects.get_or_create(
        name="City of Edinburgh", defaults={"slug": "city-of-edinburgh", "gss_code": "S12000036"}
    )[0]
    published = published_listing(
        "Fuzz home support",
        needs=["dementia"],
        languages=["polish"],
        slots=[(0, "morning")],
        verified=True,
    )
    organisation = published.supplier.organisation
    Membership.objects.create(user=users["provider"], supplier=organisation.supplier, role=Membership.Role.OWNER)
    owner_has_mfa(users["provider"])
    draft = make_listing(organisation=organisation, title="Fuzz draft listing")
    submitted = make_listing(organisation=organisation, title="Fuzz listing waiting", status="submitted")
    submitted.submitted_at = timezone.now()
    submitted.save()
    photo = ListingPhoto.objects.create(
        listing=published,
        image=SimpleUploadedFile("fuzz.png", PNG, content_type="image/png"),
        alt_text="A support worker making tea with a man",
    )

    pa = personal_assistant(
        "Amira K",
        user=users["pa"],
        employment=PersonalAssistant.Employment.SELF_EMPLOYED,
        home_postcode="EH6 5AA",
        area_label="EH6, City of Edinburgh",
    )
    pa.languages.set(Language.objects.filter(slug="polish"))
    pa_listing = published_listing("Fuzz personal assistant", km=2, needs=["autism"])
    pa_listing.supplier = pa.supplier
    pa_listing.save()
    published_listing("Fuzz day opportunities", km=4, council_areas=["City of Edinburgh"], price="22.50")

    checks = []
    for supplier in (organisation.supplier, pa.supplier):
        check = Verification(
            kind=Verification.Kind.INSURANCE, expires_on=date.today() + timedelta(days=300), supplier=supplier
        )
        check.evidence.save("insurance.pdf", ContentFile(b"%PDF-1.4\n%fuzz\n"), save=True)
        checks.append(check)

    group = PeerGroup.objects.create(
        name="Leith Forum", coordinator_email=users["coordinator"].email, accredited=True, accredited_at=timezone.now()
    )
    member = PeerGroupMember.objects.create(group=group, email=users["reviewer"].email)
    extra_member = PeerGroupMember.objects.create(group=group, email="someone@fuzz.example")
    review = Review.objects.create(
        listing=published,
        author=users["reviewer"],
        basis=Review.Basis.PEER_GROUP,
        peer_group=group,
        overall=5,
        reliability=5,
        text="Always on time and kind. Helped me get out to the shops every week.",
        support_started=date(2025, 3, 1),
        status=Review.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    stamp = QualityStamp.objects.filter(slug="reliable").first()
    Endorsement.objects.create(review=review, stamp=stamp, reason="Never missed a morning.")
    held = Review.objects.create(
        listing=published,
        author=users["person"],
        basis=Review.Basis.PEER_GROUP,
        overall=2,
        text="Late twice and did not call ahead. Ring 0131 496 0000 to complain.",
        support_started=date(2025, 1, 1),
        status=Review.Status.HELD,
        flags=["phone"],
    )
    report = ReviewReport.objects.create(
        review=review, reported_by=users["provider"], reason=ReviewReport.Reason.choices[0][0], details="Not a client."
    )
    review_invitation = ReviewInvitation.objects.create(
        listing=pa_listing, email=users["reviewer"].email, created_by=users["pa"]
    )
    org_invitation = Invitation.objects.create(
        supplier=organisation.supplier, email=users["person"].email, invited_by=users["provider"]
    )
    enquiry = services_enquiries.send_enquiry(users["person"], published, _enquiry_request(), users["person"])
    Message.objects.create(
        enquiry=enquiry,
        side="supplier",
        sender=users["provider"],
        body="Ring 07700 900123.",
        status=Message.Status.HELD,
        flags=["phone"],
    )

    subscription = AlertSubscription.objects.create(email=users["person"].email, language="en")
    subscription.topics.set([tree["topic"]])
    saved_search = SavedSearch.objects.create(
        email="anyone@fuzz.example",
        query_string="where=EH6+5AA&need=dementia",
        label="Dementia near EH6",
        language="en",
    )
    own_search = SavedSearch.objects.create(
        user=users["person"],
        email=users["person"].email,
        query_string="where=EH6&language=polish",
        label="Polish near EH6",
        language="en",
        confirmed_at=timezone.now(),
    )
    unconfirmed = EmailAddress.objects.create(user=users["person"], email="second@fuzz.example", verified=False)
    # The helper acts for the person (every scope; their session has chosen her); the PA has invited the helper too,
    # and the person has invited someone without an account.
    acting_for = Arrangement.objects.create(
        person=users["person"],
        helper=users["helper"],
        invited_email=users["helper"].email,
        helper_name="Hal",
        relationship="Son",
        scopes=list(Scope.values),
        status=Arrangement.Status.ACTIVE,
        accepted_at=timezone.now(),
    )
    world.session["helper"] = {acting.SESSION_KEY: acting_for.pk}
    helper_invited = Arrangement.objects.create(
        person=users["pa"], invited_email=users["helper"].email, helper_name="Hal", scopes=[Scope.ENQUIRE]
    )
    person_invited = Arrangement.objects.create(
        person=users["person"], invited_email="invitee@fuzz.example", helper_name="Ivy", scopes=[Scope.BOOK]
    )
    document = get_document_model().objects.create(title="Easy read leaflet")
    document.file.save("leaflet.txt", ContentFile(b"Easy read leaflet."), save=True)

    ConnectedAccount.objects.create(supplier=organisation.supplier, stripe_id="acct_fuzz", created_by=users["provider"])

    world.ids = {
        "organisation": [organisation.pk],
        "supplier": [organisation.supplier_id, pa.supplier_id],
        "enquiry": [enquiry.pk],
        "message": list(Message.objects.filter(enquiry=enquiry).values_list("pk", flat=True)),
        "listing": [published.pk, draft.pk, submitted.pk],
        "pa_listing": [pa_listing.pk],
        "listing_slug": [published.slug, pa_listing.slug, draft.slug],
        "photo": [photo.pk],
        "verification": [check.pk for check in checks],
        "review": [review.pk, held.pk],
        "report": [report.pk],
        "peer_group": [group.pk],
        "member": [member.pk, extra_member.pk],
        "saved_search": [own_search.pk, saved_search.pk],
        "review_invitation_token": [review_invitation.token],
        "org_invitation_token": [org_invitation.token],
        "alert_confirm_token": [alerts.ALERTS.confirmation_token(subscription)],
        "alert_unsubscribe_token": [alerts.ALERTS.unsubscribe_token(subscription)],
        "saved_token": [saved_search.token, own_search.token],
        "email_key": [EmailConfirmationHMAC(unconfirmed).key],
        "reset_uidb36": [user_pk_to_url_str(users["person"])],
        "reset_key": [default_token_generator.make_token(users["person"])],
        "arrangement": [acting_for.pk, helper_invited.pk, person_invited.pk],
        "acting_token": [helper_invited.token, person_invited.token],
        "document": [document.pk],
        "document_filename": ["leaflet.txt"],
        "topic": [tree["topic"].pk, tree["topic"].slug],
        "audience": [tree["audience"].pk, tree["audience"].slug],
        "need": [term.pk for term in Need.objects.filter(locale__language_code="en")[:3]],
        "language": [term.pk for term in Language.objects.filter(locale__language_code="en")[:3]],
        "council_area": [area.pk],
        "stamp": ["reliable", "treats-me-with-respect"],
        "amount": [Decimal("18.50"), "21"],
        "page_path": ["", "guidance/", "guidance/employing-a-pa/", "glossary/", "no-such-page/"],
        "oruk_service": [oruk_ids.service(published.pk), oruk_ids.service(pa_listing.pk), oruk_ids.service(draft.pk)],
        "oruk_organization": [oruk_ids.organization(organisation.supplier_id), oruk_ids.organization(pa.supplier_id)],
        "oruk_service_at_location": [oruk_ids.service_at_location(published.pk)],
        "oruk_taxonomy": [taxonomy.id for taxonomy in TAXONOMIES],
        "oruk_term": [term.id for term in TermIndex().ordered()[:3]],
    }
    bookings.build(world, published.pk, pa_listing.pk)
    invoices.build(world)
    cards.build(world)
    budgets.build(world)
    insight.build(world)
    return world


def enquiry_form():
    from tests.unit.enquiries.conftest import enquiry_data

    return enquiry_data()
