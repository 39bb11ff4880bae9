"""Bad answers on the invitation form (and the small answer and switch forms): a clear, translated error next to the
question, a 4xx, nothing saved and nobody emailed."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marketplace.acting.models import Arrangement

from .conftest import make_invitation

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YESTERDAY = TODAY.toordinal() - 1
FORM = {
    "helper_name": "Sana",
    "relationship": "Daughter",
    "email": "sana@example.org",
    "scopes": ["enquire"],
    "basis": "informal",
    "until_day": "",
    "until_month": "",
    "until_year": "",
}


def _date(day):
    value = type(TODAY).fromordinal(day)
    return {"until_day": str(value.day), "until_month": str(value.month), "until_year": str(value.year)}


CASES = [
    ({"email": ""}, "Enter their email address"),
    ({"email": "not an email"}, "Enter an email address in the correct format"),
    ({"email": "a@b"}, "Enter an email address in the correct format"),
    ({"helper_name": ""}, "Enter their name"),
    ({"helper_name": "   "}, "Enter their name"),
    ({"helper_name": "x" * 81}, "Write 80 characters or fewer"),
    ({"helper_name": "Visit www.cheap-pills.example"}, "without links, email addresses"),
    ({"helper_name": "<b>Sana</b>"}, "without links, email addresses"),
    ({"relationship": ""}, "Say who they are to you"),
    ({"relationship": "see https://scam.example/now"}, "without links, email addresses"),
    ({"relationship": "write to me at x@y.com"}, "without links, email addresses"),
    ({"scopes": []}, "Choose at least one thing they may do for you"),
    ({"scopes": ["everything"]}, "Choose only from the list"),
    ({"scopes": ["enquire", "admin"]}, "Choose only from the list"),
    ({"basis": ""}, "Choose on what basis they act for you"),
    ({"basis": "king"}, "Choose one of the options"),
    (_date(YESTERDAY), "The date must be today or later"),
    ({"until_day": "31", "until_month": "2", "until_year": str(TODAY.year + 1)}, "Enter a real date"),
    ({"until_day": "1", "until_month": "13", "until_year": str(TODAY.year + 1)}, "Enter a real date"),
    ({"until_day": "1", "until_month": "1", "until_year": ""}, "Enter a full date with a day, month and year"),
    ({"until_day": "", "until_month": "", "until_year": "2030"}, "Enter a full date with a day, month and year"),
    ({"until_day": "first", "until_month": "1", "until_year": "2030"}, "Enter the date as numbers"),
    ({"until_day": "0", "until_month": "1", "until_year": "2030"}, "Enter the date as numbers"),
    ({"until_day": "1", "until_month": "1", "until_year": "99999999999"}, "Enter a date in the next 50 years"),
    ({"until_day": "99999999999999999999", "until_month": "1", "until_year": "2030"}, "Enter a real date"),
]


@pytest.mark.parametrize(("change", "message"), CASES)
def test_bad_answers_are_explained_and_nothing_is_saved(client, person, change, message):
    client.force_login(person)

    response = client.post(reverse("acting:invite"), {**FORM, **change})

    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page and message in page
    assert not Arrangement.objects.exists() and not mail.outbox
    if "helper_name" not in change:
        assert 'value="Sana"' in page  # what they typed is kept


def test_errors_are_translated(client, person):
    client.force_login(person)
    with translation.override("cy"):
        url = reverse("acting:invite")
    response = client.post(url, {**FORM, "scopes": []})
    with translation.override("cy"):
        expected = translation.gettext("Choose at least one thing they may do for you")
    assert response.status_code == 400 and expected in response.content.decode()
    assert expected != "Choose at least one thing they may do for you"


def test_today_is_a_good_end_date(client, person):
    today = timezone.localdate()  # now, not when the tests were collected: a run can pass midnight
    client.force_login(person)

    response = client.post(reverse("acting:invite"), {**FORM, **_date(today.toordinal())})

    assert response.status_code == 302
    assert Arrangement.objects.get().until == today


@pytest.mark.parametrize("decision", ["", "maybe", "ACCEPT"])
def test_a_bad_answer_to_an_invitation_changes_nothing(client, person, helper, decision):
    invitation = make_invitation(person, helper.email)
    client.force_login(helper)

    response = client.post(reverse("acting:invitation", args=[invitation.token]), {"decision": decision})

    assert response.status_code == 400
    assert "Choose whether to accept or decline" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == "invited"


_text = st.text(max_size=120).map(lambda value: value.replace("\x00", ""))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    helper_name=_text,
    relationship=_text,
    email=st.one_of(_text, st.emails().map(str)),
    scopes=st.lists(st.one_of(st.sampled_from(["enquire", "messages", "book", "money"]), _text), max_size=5),
    basis=st.one_of(st.sampled_from(["informal", "attorney", "deputy"]), _text),
    day=st.one_of(_text, st.integers(-5, 40).map(str)),
    month=st.one_of(_text, st.integers(-1, 14).map(str)),
    year=st.one_of(_text, st.integers(1900, 3000).map(str)),
)
def test_any_answers_give_a_page_never_a_server_error(
    client, person, helper_name, relationship, email, scopes, basis, day, month, year
):
    client.force_login(person)
    data = {
        "helper_name": helper_name,
        "relationship": relationship,
        "email": email,
        "scopes": scopes,
        "basis": basis,
        "until_day": day,
        "until_month": month,
        "until_year": year,
    }

    response = client.post(reverse("acting:invite"), data)

    assert response.status_code in (302, 400, 429)
    if response.status_code != 302:
        assert not Arrangement.objects.exists()
    Arrangement.objects.all().delete()
    from django.core.cache import cache

    cache.clear()  # the rate limits count every invitation sent
