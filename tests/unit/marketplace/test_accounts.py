"""Sign-up, sign-in and the rules that protect the editing tools."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from marketplace.core.models import EDITORS_GROUP
from tests.factories import PASSWORD, UserFactory
from tests.mfa import current_code, enable_totp

pytestmark = pytest.mark.django_db
User = get_user_model()


def sign_up(client, on_commit, email="new.person@example.org"):
    with on_commit(execute=True):
        return client.post("/accounts/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD})


def test_sign_up_requires_email_verification_before_sign_in(client, site_tree, django_capture_on_commit_callbacks):
    response = sign_up(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response.url == "/accounts/confirm-email/"
    user = User.objects.get(email="new.person@example.org")
    assert not EmailAddress.objects.get(user=user).verified
    assert client.get("/accounts/dashboard/").status_code == 302

    login = client.post("/accounts/login/", {"login": "new.person@example.org", "password": PASSWORD})
    assert login.url == "/accounts/confirm-email/"
    assert client.get("/accounts/dashboard/").status_code == 302

    assert mail.outbox[0].to == ["new.person@example.org"]
    confirm_path = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", mail.outbox[0].body).group(1)
    assert client.get(confirm_path).status_code == 200  # a page with a button: GET changes nothing
    assert not EmailAddress.objects.get(user=user).verified
    client.post(confirm_path)
    assert EmailAddress.objects.get(user=user).verified
    assert client.get("/accounts/dashboard/").status_code == 200


def test_sign_up_with_an_existing_email_does_not_reveal_the_account(
    client, site_tree, django_capture_on_commit_callbacks
):
    UserFactory(email="taken@example.org")
    response = sign_up(client, django_capture_on_commit_callbacks, email="taken@example.org")
    assert response.status_code == 302
    assert response.url == "/accounts/confirm-email/"
    assert User.objects.filter(email="taken@example.org").count() == 1
    assert mail.outbox[0].to == ["taken@example.org"]


def test_password_reset_answers_the_same_for_unknown_addresses(client, site_tree, django_capture_on_commit_callbacks):
    UserFactory(email="known@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post("/accounts/password/reset/", {"email": "known@example.org"})
        unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url


@pytest.mark.parametrize(
    "data",
    [
        {"email": "not-an-email", "password1": PASSWORD, "password2": PASSWORD},
        {"email": "a@example.org", "password1": "short", "password2": "short"},
        {"email": "a@example.org", "password1": PASSWORD, "password2": PASSWORD + "x"},
    ],
    ids=["bad-email", "weak-password", "passwords-differ"],
)
def test_bad_sign_up_shows_an_error_summary_and_creates_no_account(client, site_tree, data):
    response = client.post("/accounts/signup/", data)
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert 'class="govuk-error-message"' in response.content.decode()
    assert not User.objects.exists()


def test_an_editor_without_mfa_cannot_enter_the_admin(client, site_tree):
    editor = UserFactory(groups=[EDITORS_GROUP])
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/2fa/totp/activate/")
    assert client.get("/admin/pages/").status_code == 302


def test_an_editor_with_mfa_enters_the_admin(client, site_tree):
    editor = UserFactory(groups=[EDITORS_GROUP])
    enable_totp(editor)
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_a_superuser_without_mfa_is_sent_to_set_it_up(client, site_tree):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get("/admin/").url.startswith("/accounts/2fa/totp/activate/")


def test_people_without_admin_access_are_not_asked_for_mfa(client, site_tree):
    client.force_login(UserFactory())
    assert client.get("/accounts/dashboard/").status_code == 200


def test_sign_in_with_mfa_asks_for_the_code(client, site_tree):
    editor = UserFactory(email="editor@example.org", groups=[EDITORS_GROUP])
    secret = enable_totp(editor)
    response = client.post("/accounts/login/", {"login": "editor@example.org", "password": PASSWORD})
    assert response.url == "/accounts/2fa/authenticate/"
    assert client.get("/admin/").status_code == 302  # not signed in yet
    wrong = client.post(
        "/accounts/2fa/authenticate/", {"code": "000000" if current_code(secret) != "000000" else "111111"}
    )
    assert wrong.status_code == 200
    client.post("/accounts/2fa/authenticate/", {"code": current_code(secret)})
    assert client.get("/admin/").status_code == 200


def test_the_admin_login_page_goes_through_the_throttled_sign_in(client, site_tree):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=/admin/pages/"
    assert client.get("/admin/").url.startswith("/accounts/login/")


def test_repeated_failed_sign_ins_are_throttled(client, site_tree):
    UserFactory(email="editor@example.org", groups=[EDITORS_GROUP])
    for _attempt in range(5):
        client.post("/accounts/login/", {"login": "editor@example.org", "password": "wrong-password"})
    response = client.post("/accounts/login/", {"login": "editor@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)
    assert "Too many failed login attempts" in response.content.decode()


def test_a_signed_in_person_who_is_not_an_editor_is_told_so_at_the_admin(client, site_tree):
    """Not sent to sign in (which sent them back to the admin: a redirect loop the browser gave up on)."""
    person = UserFactory()
    client.force_login(person)

    for url in ("/admin/", "/admin/pages/", "/admin/snippets/"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "The editing tools are for the council’s editors." in response.content.decode()
