"""The README's demo users can sign in; those with editing tools reach the admin with their demo code."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from marketplace.core.mfa import current_totp_code
from marketplace.demo.users import DEFAULT_PASSWORD, DEMO_USERS, demo_totp_secret


@pytest.mark.django_db
def test_every_demo_user_can_sign_in(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    call_command("load_demo_data", "--directory-scale=0.03", verbosity=0)
    for email, *_rest in DEMO_USERS:
        client = Client()
        response = client.post("/accounts/login/", {"login": email, "password": DEFAULT_PASSWORD})
        assert response.status_code == 302, email
        if response.url == "/accounts/2fa/authenticate/":
            client.post(response.url, {"code": current_totp_code(demo_totp_secret(email))})
            # Editors reach the admin; council finance the shared budgets; supplier owners (two-factor because they
            # receive money) their dashboard.
            user = get_user_model().objects.get(email=email)
            if user.has_perm("wagtailadmin.access_admin"):
                assert client.get("/admin/").status_code == 200, email
            elif user.has_perm("budgets.see_shared_ledgers"):
                assert "Amina Hussain" in client.get("/budgets/council/").text, email
            else:
                assert client.get("/dashboard/").status_code == 200, email
        assert client.get("/accounts/dashboard/").status_code == 200, email
