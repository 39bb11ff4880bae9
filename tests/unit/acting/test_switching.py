"""The helper switches between acting for themself and for each person they help; every page says whose behalf they
are on, and nobody else ever sees that name."""

import pytest
from django.urls import reverse

from marketplace.acting.models import Scope

from .conftest import as_helper, make_arrangement

pytestmark = pytest.mark.django_db

BANNER = "app-acting-banner"


def pages(site_tree):
    """A page of each kind: a Wagtail page, the find-support form, an account page, this app's own, a 404."""
    return ["/", "/find-support/", reverse("account_dashboard"), reverse("acting:switch"), "/no-such-page/"]


def test_every_page_says_whose_behalf_the_helper_is_on(client, site_tree, arrangement):
    as_helper(client, arrangement)

    for path in pages(site_tree):
        page = client.get(path).content.decode()
        assert BANNER in page, path
        assert "You are acting for <bdi>Amina Hussain</bdi>" in page, path


def test_the_banner_is_in_the_readers_language(client, site_tree, arrangement):
    as_helper(client, arrangement)

    page = client.get("/ur/find-support/").content.decode()

    assert BANNER in page and "Amina Hussain" in page and "You are acting for" not in page


def test_switching_back_to_oneself_removes_the_banner_without_javascript(client, site_tree, arrangement):
    as_helper(client, arrangement)

    response = client.post(reverse("acting:switch"), {"act_for": "self"})  # the banner's own button

    assert response.status_code == 302
    for path in pages(site_tree):
        assert BANNER not in client.get(path).content.decode(), path


def test_nobody_else_sees_the_name_in_a_banner(client, site_tree, arrangement, person, stranger, other_helper):
    as_helper(client, arrangement)  # the helper is acting for Amina in her own browser session
    for someone in (person, stranger, other_helper):
        client.force_login(someone)
        for path in pages(site_tree):
            page = client.get(path).content.decode()
            assert BANNER not in page, (someone, path)
            assert "Amina Hussain" not in page or someone == person, (someone, path)
    client.logout()
    assert BANNER not in client.get("/").content.decode()


def test_the_switcher_lists_each_person_and_switches_between_them(client, helper, person, other_person):
    first = make_arrangement(person, helper)
    second = make_arrangement(other_person, helper, scopes=[Scope.BOOK, Scope.MONEY])
    client.force_login(helper)

    page = client.get(reverse("acting:switch")).content.decode()
    client.post(reverse("acting:switch"), {"act_for": str(second.pk)})
    now = client.get(reverse("acting:switch")).content.decode()

    assert "Amina Hussain" in page and "Màiri MacLeod" in page
    assert "Agree bookings and approve visits" in page
    assert f'value="{second.pk}" checked' in now and "You are acting for <bdi>Màiri MacLeod</bdi>" in now
    assert "You are now acting for Màiri MacLeod." in now
    assert first.pk != second.pk


@pytest.mark.parametrize("value", ["", "someone", "999999", "-1", "1 OR 1=1"])
def test_a_bad_choice_is_explained_and_changes_nothing(client, arrangement, value):
    as_helper(client, arrangement)

    response = client.post(reverse("acting:switch"), {"act_for": value})

    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert "Choose who you are acting for" in page or "Choose someone from the list" in page
    assert "You are acting for <bdi>Amina Hussain</bdi>" in page  # still acting as before


def test_another_helpers_arrangement_cannot_be_chosen(client, helper, arrangement, other_arrangement):
    client.force_login(helper)

    response = client.post(reverse("acting:switch"), {"act_for": str(other_arrangement.pk)})

    assert response.status_code == 400
    assert "Màiri MacLeod" not in response.content.decode()


def test_helpers_find_the_switcher_in_the_header_on_every_page(client, site_tree, arrangement, stranger):
    client.force_login(arrangement.helper)
    for path in pages(site_tree):
        assert f'href="{reverse("acting:switch")}">Act for someone<' in client.get(path).content.decode(), path

    client.force_login(stranger)
    assert "Act for someone" not in client.get("/").content.decode()


def test_someone_who_helps_nobody_is_told_how_it_starts(client, stranger):
    client.force_login(stranger)

    page = client.get(reverse("acting:switch")).content.decode()

    assert "Nobody has asked you to act for them." in page


def test_the_persons_own_pages_say_they_are_about_the_helpers_account(client, arrangement):
    as_helper(client, arrangement)

    for name in ("acting:helpers", "acting:log", "acting:invite"):
        page = client.get(reverse(name)).content.decode()
        assert "this page is about your own account" in page, name
