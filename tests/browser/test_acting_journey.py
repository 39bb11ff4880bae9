"""Someone acting for a person, end to end in a real browser, in English, in Urdu (right to left) and with JavaScript
off: the person invites her daughter; the daughter creates an account with the invited address, accepts, and switches
to acting for her mother; every page then says so; acting for her, the daughter sends an enquiry about a listing and,
when the supplier offers weekly visits, accepts the offer, which books the visits for her mother; the mother reads
both in her log and finds the booking among her own, ends the arrangement, and the daughter's very next page no
longer acts for her.
axe-core checks every page on the way.

The selectors use ids and form values, not English words, so the same journey runs in Urdu."""

import re
from datetime import date, time, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from marketplace.acting.models import Arrangement, LogEntry
from marketplace.bookings import offers
from marketplace.bookings.models import Booking
from marketplace.bookings.schedule import SlotTimes
from marketplace.enquiries.models import Enquiry
from providers.models import Listing, Need, ServiceType
from providers.seed import seed_default_taxonomies
from tests.browser.conftest import _new_page
from tests.factories import PASSWORD, UserFactory
from tests.site_tree import build_site
from tests.unit.providers.conftest import make_listing, make_organisation

pytestmark = pytest.mark.django_db(transaction=True)

HELPER = "sana@example.org"
BANNER = ".app-acting-banner"


@pytest.fixture
def site(transactional_db):
    return build_site(languages=("en", "ur"))


@pytest.fixture
def listing(site):
    """A published listing for personal care at home, to enquire about."""
    seed_default_taxonomies()
    now = timezone.now()
    listing = make_listing(
        organisation=make_organisation(UserFactory(email="owner@example.org"), name="Leith Home Support"),
        title="Care at home in Leith",
        status=Listing.Status.PUBLISHED,
        published_at=now,
        last_confirmed_at=now,
    )
    listing.needs.add(Need.objects.get(slug="personal-care", locale__language_code="en"))
    listing.service_types.add(ServiceType.objects.get(slug="care-at-home", locale__language_code="en"))
    return listing


def submit(page, selector="main form button[type=submit]"):
    with page.expect_navigation():
        page.locator(selector).first.click()


def sign_in(visitor, prefix, email):
    page = visitor.page
    visitor.visit(f"{prefix}/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    submit(page)


def link_from_last_email(pattern):
    return re.search(r"https?://[^/\s]+(" + pattern + r")", mail.outbox[-1].body).group(1)


def invite_the_daughter(visitor, prefix):
    page = visitor.page
    visitor.visit(f"{prefix}/accounts/dashboard/")
    with page.expect_navigation():
        page.locator(f"main a[href='{prefix}/accounts/acting/']").first.click()
    visitor.check()
    with page.expect_navigation():
        page.locator(f"main a[href='{prefix}/accounts/acting/invite/']").first.click()
    visitor.check()
    submit(page)  # nothing filled in: every question explains itself
    visitor.check()
    assert page.locator(".govuk-error-summary").is_visible()
    page.locator("#id_helper_name").fill("Sana")
    page.locator("#id_relationship").fill("Daughter")
    page.locator("#id_email").fill(HELPER)
    page.locator("#id_scopes_0").check()  # find support and enquire
    page.locator("#id_scopes_2").check()  # bookings and visits
    page.locator("#id_basis_0").check()  # informal help
    submit(page)
    visitor.check()
    assert page.url.endswith(f"{prefix}/accounts/acting/")
    assert HELPER in page.inner_text("main")


def daughter_signs_up_and_accepts(visitor, prefix):
    page = visitor.page
    invitation = link_from_last_email(r"/\S*accounts/acting/invitation/\S+/")
    visitor.visit(invitation)
    assert "Amina" not in page.inner_text("main")  # signed out, the page names nobody
    with page.expect_navigation():
        page.locator("main a.govuk-button--secondary").click()  # create an account
    visitor.check()
    page.locator("#id_email").fill(HELPER)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    submit(page)
    visitor.check()
    visitor.visit(link_from_last_email(r"/\S*accounts/confirm-email/\S+/"))
    submit(page)
    visitor.check()

    visitor.visit(invitation)
    assert "Amina Hussain" in page.inner_text("main")
    submit(page, "main button[name=decision][value=accept]")
    visitor.check()
    assert Arrangement.objects.get().status == "active"
    assert page.locator(BANNER).count() == 0  # accepting is not yet acting for her


def daughter_acts_for_her_mother(visitor, prefix):
    page = visitor.page
    arrangement = Arrangement.objects.get()
    visitor.visit(f"{prefix}/")
    with page.expect_navigation():  # the header's "Act for someone"
        page.locator(f"header ~ section a[href='{prefix}/accounts/acting/act-for/']").click()
    visitor.check()
    page.locator(f"input[name=act_for][value='{arrangement.pk}']").check()
    submit(page)
    visitor.check()
    for path in (f"{prefix}/", f"{prefix}/find-support/", f"{prefix}/accounts/dashboard/"):
        visitor.visit(path)
        banner = page.locator(BANNER)
        assert banner.is_visible() and "Amina Hussain" in banner.inner_text(), path


def daughter_enquires_for_her_mother(visitor, prefix, listing):
    page = visitor.page
    visitor.visit(f"{prefix}/enquiries/new/{listing.slug}/")
    assert "Amina Hussain" in page.locator(BANNER).inner_text()
    page.locator("input[name=needs]").first.check()
    page.locator("#id_area").fill("EH6")
    page.locator("#id_message").fill("My mother would like help to get up and dressed on weekday mornings.")
    submit(page)
    visitor.check()
    assert re.search(r"/enquiries/\d+/$", page.url), page.url
    entry = LogEntry.objects.get()
    assert (entry.person.email, entry.actor.email, entry.scope) == ("amina@example.org", HELPER, "enquire")


def the_supplier_offers_weekly_visits():
    enquiry = Enquiry.objects.get()
    monday = date.today() + timedelta(days=7 - date.today().weekday())
    draft = offers.OfferDraft(
        kind=Booking.Kind.WEEKLY,
        start_date=monday,
        end_date=None,
        slots=(SlotTimes(0, time(9), time(11)),),
        items=(
            offers.ItemDraft(None, "Help to get up and dressed", "hour", 2100, reason="Agreed in the conversation"),
        ),
        notice_hours=24,
        charge_percent=50,
        expires_at=timezone.now() + timedelta(days=3),
        message="We have a carer free on Monday mornings.",
    )
    return offers.make_offer(enquiry, draft, enquiry.supplier.members.get())


def daughter_books_for_her_mother(visitor, prefix, booking):
    page = visitor.page
    visitor.visit(f"{prefix}/bookings/")  # her mother's bookings: the offer waits there for an answer
    with page.expect_navigation():
        page.locator(f"main a[href='{prefix}/bookings/{booking.pk}/']").first.click()
    visitor.check()
    assert "Amina Hussain" in page.locator(BANNER).inner_text()
    submit(page, f"main form[action='{prefix}/bookings/{booking.pk}/accept/'] button")
    visitor.check()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.ACCEPTED and booking.person.email == "amina@example.org"
    entry = LogEntry.objects.latest("pk")
    assert (entry.person.email, entry.actor.email, entry.scope) == ("amina@example.org", HELPER, "book")


def test_a_daughter_acts_for_her_mother_until_the_mother_ends_it(browser, live_server, visitor, site, listing):
    run_journey(browser, live_server, visitor, prefix="", listing=listing)


def test_the_same_journey_in_urdu_right_to_left(browser, live_server, visitor, site, listing):
    run_journey(browser, live_server, visitor, prefix="/ur", listing=listing)
    assert visitor.page.get_attribute("html", "dir") == "rtl"


def test_the_same_journey_without_javascript(browser, live_server, visitor_without_js, site, listing):
    run_journey(browser, live_server, visitor_without_js, prefix="", listing=listing, javascript=False)


def run_journey(browser, live_server, visitor, prefix, listing, javascript=True):
    language = prefix.strip("/") or "en"
    UserFactory(email="amina@example.org", display_name="Amina Hussain", preferred_language=language)
    mother = visitor
    sign_in(mother, prefix, "amina@example.org")
    invite_the_daughter(mother, prefix)

    context, daughter = _new_page(browser, live_server, javascript=javascript)
    try:
        daughter_signs_up_and_accepts(daughter, prefix)
        daughter_acts_for_her_mother(daughter, prefix)
        mother.visit(f"{prefix}/accounts/acting/log/")
        assert mother.page.locator("main table").count() == 0  # nothing done in her name yet
        daughter_enquires_for_her_mother(daughter, prefix, listing)
        booking = the_supplier_offers_weekly_visits()
        daughter_books_for_her_mother(daughter, prefix, booking)

        mother.visit(f"{prefix}/accounts/acting/log/")
        rows = mother.page.locator("main table tbody tr")
        assert rows.count() == 2
        assert "Care at home in Leith" in " ".join(rows.all_inner_texts())
        assert booking.reference in mother.page.inner_text("main table")
        assert all("Sana" in row for row in rows.all_inner_texts())
        mother.visit(f"{prefix}/bookings/")
        assert booking.reference in mother.page.inner_text("main")
        assert mother.page.locator(BANNER).count() == 0  # the mother never sees a banner
        mother.visit(f"{prefix}/accounts/acting/")
        assert "Sana" in mother.page.inner_text("main")
        with mother.page.expect_navigation():
            mother.page.locator("main .govuk-summary-card__action a").first.click()
        mother.check()
        submit(mother.page)
        mother.check()
        assert Arrangement.objects.get().status == "ended"

        daughter.visit(f"{prefix}/find-support/")
        assert daughter.page.locator(BANNER).count() == 0
        assert daughter.page.locator(".govuk-notification-banner").count() == 1  # "the arrangement has ended"
        daughter.assert_no_template_syntax()
    finally:
        context.close()
