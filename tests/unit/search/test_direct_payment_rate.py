"""Councils' direct-payment rates: which one applies, what editors may enter, and where editors find them."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from marketplace.core.models import EDITORS_GROUP
from providers.models import CouncilArea, ServiceType
from search.models import DirectPaymentRate
from search.prices import direct_payment_rate
from tests.factories import UserFactory
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 1)
EDINBURGH = "S12000036"  # City of Edinburgh


@pytest.fixture
def edinburgh():
    return CouncilArea.objects.get_or_create(
        gss_code=EDINBURGH, defaults={"name": "City of Edinburgh", "slug": "edinburgh", "country": "Scotland"}
    )[0]


def service(slug):
    return ServiceType.objects.get(slug=slug, locale=Locale.get_default())


def rate(council, amount, effective_from, service_type=None, **fields):
    return DirectPaymentRate.objects.create(
        council_area=council,
        service_type=service_type,
        hourly_rate=Decimal(amount),
        effective_from=effective_from,
        **fields,
    )


def test_the_latest_rate_in_force_applies_and_future_rates_wait(edinburgh):
    rate(edinburgh, "18.00", date(2024, 4, 1))
    current = rate(edinburgh, "19.50", date(2026, 4, 1))
    rate(edinburgh, "21.00", date(2026, 7, 1))  # announced, not yet in force
    assert direct_payment_rate(EDINBURGH, today=TODAY) == current
    assert direct_payment_rate(EDINBURGH, today=date(2026, 7, 1)).hourly_rate == Decimal("21.00")
    assert direct_payment_rate(EDINBURGH, today=date(2024, 3, 31)) is None


def test_a_service_s_own_rate_beats_the_general_one(edinburgh):
    general = rate(edinburgh, "19.50", date(2026, 4, 1))
    pa = rate(edinburgh, "17.80", date(2025, 4, 1), service_type=service("personal-assistant"))
    rate(edinburgh, "18.20", date(2026, 9, 1), service_type=service("personal-assistant"))  # future
    assert direct_payment_rate(EDINBURGH, "personal-assistant", today=TODAY) == pa
    assert direct_payment_rate(EDINBURGH, "care-at-home", today=TODAY) == general  # no rate of its own
    assert direct_payment_rate(EDINBURGH, today=TODAY) == general
    assert direct_payment_rate(EDINBURGH, "no-such-service", today=TODAY) == general


def test_the_council_is_matched_by_gss_code_and_unknown_councils_have_none(edinburgh):
    general = rate(edinburgh, "19.50", date(2026, 4, 1))
    other = CouncilArea.objects.create(name="Fife", slug="fife", gss_code="S12000047")
    rate(other, "16.00", date(2026, 4, 1))
    assert direct_payment_rate("s12000036 ", today=TODAY) == general
    assert direct_payment_rate("City of Edinburgh", today=TODAY) is None  # a name is not a code
    assert direct_payment_rate("S12000049", today=TODAY) is None  # Glasgow City: no rate
    assert direct_payment_rate("", today=TODAY) is None
    assert direct_payment_rate(None, today=TODAY) is None


def test_today_defaults_to_the_local_date(edinburgh):
    current = rate(edinburgh, "19.50", date(2020, 1, 1))
    assert direct_payment_rate(EDINBURGH) == current


@pytest.mark.parametrize("amount", ["0.99", "200.01", "-5"])
def test_rates_outside_1_to_200_pounds_are_refused(edinburgh, amount):
    item = DirectPaymentRate(council_area=edinburgh, hourly_rate=Decimal(amount), effective_from=TODAY)
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "hourly_rate" in error.value.message_dict


def test_one_rate_per_council_service_and_date(edinburgh):
    rate(edinburgh, "19.50", TODAY)
    rate(edinburgh, "17.50", TODAY, service_type=service("personal-assistant"))
    for service_type in (None, service("personal-assistant")):
        duplicate = DirectPaymentRate(
            council_area=edinburgh, service_type=service_type, hourly_rate=Decimal("20"), effective_from=TODAY
        )
        with pytest.raises(ValidationError, match="already has a rate"):
            duplicate.full_clean()


def test_editors_manage_rates_in_the_directory_menu(client, edinburgh):
    editor = UserFactory(email="editor@example.org", groups=[EDITORS_GROUP])
    enable_totp(editor)
    client.force_login(editor)
    url = "/admin/snippets/site_search/directpaymentrate/"
    assert client.get(url).status_code == 200
    assert client.get(url + "add/").status_code == 200
    response = client.post(
        url + "add/",
        {
            "council_area": edinburgh.pk,
            "service_type": "",
            "hourly_rate": "19.50",
            "effective_from": "2026-04-01",
            "source_url": "https://www.edinburgh.gov.uk/direct-payments",
            "notes": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert DirectPaymentRate.objects.get().hourly_rate == Decimal("19.50")
    assert "Direct payment rates" in client.get("/admin/").content.decode()


def test_people_who_are_not_editors_cannot_open_the_rates(client):
    client.force_login(UserFactory(email="someone@example.org"))
    response = client.get("/admin/snippets/site_search/directpaymentrate/")
    assert response.status_code in (302, 403)


def test_several_service_types_take_one_query_and_the_first_with_its_own_rate_wins(
    edinburgh, django_assert_num_queries
):
    general = rate(edinburgh, "19.50", date(2026, 4, 1))
    at_home = rate(edinburgh, "20.10", date(2026, 4, 1), service_type=service("care-at-home"))
    with django_assert_num_queries(1):
        assert direct_payment_rate(EDINBURGH, ["personal-assistant", "care-at-home"], today=TODAY) == at_home
    with django_assert_num_queries(0):  # this process read the council's rates for today already
        assert direct_payment_rate(EDINBURGH, ["personal-assistant", "advocacy"], today=TODAY) == general


def test_a_rate_saved_or_deleted_is_seen_by_the_next_search(edinburgh, django_capture_on_commit_callbacks):
    assert direct_payment_rate(EDINBURGH, today=TODAY) is None
    with django_capture_on_commit_callbacks(execute=True):
        general = rate(edinburgh, "19.50", date(2026, 4, 1))
    assert direct_payment_rate(EDINBURGH, today=TODAY) == general
    with django_capture_on_commit_callbacks(execute=True):
        general.hourly_rate = Decimal("21.00")
        general.save()
    assert direct_payment_rate(EDINBURGH, today=TODAY).hourly_rate == Decimal("21.00")
    with django_capture_on_commit_callbacks(execute=True):
        general.delete()
    assert direct_payment_rate(EDINBURGH, today=TODAY) is None
