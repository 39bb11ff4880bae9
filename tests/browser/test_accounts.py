"""Accounts in a real browser: an editor must turn on two-factor authentication before the admin opens."""

import pytest

from marketplace.core.mfa import current_totp_code
from marketplace.core.models import EDITORS_GROUP
from tests.factories import PASSWORD, UserFactory
from tests.site_tree import build_site

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(transactional_db):
    return build_site(languages=("en", "ur"))


def totp_secret(email):
    from allauth.mfa.adapter import get_adapter
    from allauth.mfa.models import Authenticator

    authenticator = Authenticator.objects.get(user__email=email, type=Authenticator.Type.TOTP)
    return get_adapter().decrypt(authenticator.data["secret"])


def sign_in(visitor, email):
    """Password, then a code from the authenticator app when the account has one (supplier owners, editors)."""
    page = visitor.page
    visitor.visit("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    if "/accounts/2fa/authenticate/" in page.url:
        page.locator("#id_code").fill(current_totp_code(totp_secret(email)))
        page.get_by_role("button", name="Sign In").click()
        page.wait_for_url(lambda url: "/accounts/2fa/authenticate/" not in url)


def set_up_authenticator(visitor):
    """On the way to a page that needs two-factor authentication: confirm the password if asked, then scan (read)
    the secret and type a code. Every page on the way is checked with axe-core; it ends on allauth's page of new
    recovery codes."""
    page = visitor.page
    if "/accounts/reauthenticate/" in page.url:
        visitor.check()
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/accounts/2fa/totp/activate/**")
    visitor.check()
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(current_totp_code(secret))
    with page.expect_navigation():
        page.get_by_role("button", name="Activate").click()
    visitor.check()


def sign_in_as_editor(visitor, email="editor@example.org"):
    """A new editor with an authenticator app signs in with their password and a code from it."""
    from tests.mfa import enable_totp

    secret = enable_totp(UserFactory(email=email, groups=[EDITORS_GROUP]))
    page = visitor.page
    visitor.visit("/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.locator("#id_code").fill(current_totp_code(secret))
    with page.expect_navigation():
        page.get_by_role("button", name="Sign In").click()


def test_editor_sets_up_two_factor_before_reaching_the_admin(visitor, site):
    UserFactory(email="editor@example.org", groups=[EDITORS_GROUP])
    page = visitor.page
    sign_in(visitor, "editor@example.org")
    visitor.visit("/admin/")
    # allauth asks for the password again before anyone changes two-factor settings.
    assert "/accounts/reauthenticate/" in page.url
    assert "Set up two-factor authentication" in page.inner_text("main")
    visitor.check()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/accounts/2fa/totp/activate/**")
    visitor.check()

    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(current_totp_code(secret))
    page.get_by_role("button", name="Activate").click()
    visitor.check()

    visitor.visit("/admin/")
    assert page.url.endswith("/admin/")
    assert "guidance page" in page.inner_text("body")


def test_a_supplier_owner_sets_up_two_factor_before_their_dashboard(visitor, site):
    from providers.models import Membership
    from tests.factories import new_organisation

    owner = UserFactory(email="owner@example.org")
    organisation = new_organisation("Govan Home Support", slug="govan-home-support", kind="charity")
    Membership.objects.create(user=owner, supplier=organisation.supplier, role="owner")
    page = visitor.page
    sign_in(visitor, "owner@example.org")
    page.goto(visitor.base_url + "/dashboard/")
    assert "/dashboard/" not in page.url.split("?")[0]
    assert "two-factor authentication" in page.inner_text("main")
    set_up_authenticator(visitor)
    assert "/accounts/2fa/recovery-codes/" in page.url  # allauth shows the new recovery codes first
    visitor.visit("/dashboard/")
    assert "Govan Home Support" in page.inner_text("main")


def test_sign_out_everywhere_ends_the_other_browsers_session_too(browser, live_server, visitor, site):
    from tests.browser.conftest import _new_page

    UserFactory(email="person@example.org")
    other_context, other = _new_page(browser, live_server)
    try:
        sign_in(other, "person@example.org")
        sign_in(visitor, "person@example.org")
        visitor.visit("/accounts/sign-out-everywhere/")
        with visitor.page.expect_navigation():
            visitor.page.get_by_role("button", name="Sign out on every device").click()
        visitor.check()
        assert "You are signed out on every device" in visitor.page.inner_text("main")
        other.page.goto(other.base_url + "/accounts/dashboard/")
        assert "/accounts/login/" in other.page.url
    finally:
        other_context.close()


def test_bad_alert_sign_up_shows_an_accessible_error_summary(visitor, site):
    page = visitor.page
    visitor.visit("/ur/alerts/")
    page.locator("#id_email").fill("not an email")
    page.locator("form button[type=submit]").click()
    visitor.check()
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert page.get_attribute("html", "dir") == "rtl"
    summary.locator("a").first.click()
    assert page.evaluate("document.activeElement.id") == "id_email"


@pytest.mark.parametrize("path", ["/accounts/signup/", "/accounts/password/reset/", "/ur/accounts/signup/"])
def test_account_pages_have_no_accessibility_violations(visitor, site, path):
    visitor.visit(path)
