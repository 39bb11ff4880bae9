"""Providers and PAs send checks with evidence; editors verify them. Nobody else can see or send them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from providers.models import Verification

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% an insurance schedule\n"


def evidence(content=PDF, name="policy.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def check_data(**overrides):
    data = {
        "kind": "insurance",
        "detail": "Public liability, £5 million",
        "reference": "PL-2026-118",
        "issued_on": "2026-04-01",
        "expires_on": "2027-03-31",
        "evidence": evidence(),
    }
    data.update(overrides)
    return data


def test_an_owner_sends_insurance_for_checking(client, site_tree, owner, organisation, settings):
    client.force_login(owner)
    url = f"/dashboard/suppliers/{organisation.supplier_id}/checks/"
    assert client.get(url).status_code == 200
    response = client.post(url, check_data())
    assert response.status_code == 302
    check = Verification.objects.get(supplier=organisation.supplier)
    assert check.status == Verification.Status.PENDING
    assert check.evidence.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert "Public liability" in client.get(url).content.decode()


def test_a_pa_sends_a_pvg_certificate(client, site_tree, pa_user, pa):
    client.force_login(pa_user)
    data = check_data(kind="pvg", detail="PVG scheme member (adults)", expires_on="")
    response = client.post(f"/dashboard/suppliers/{pa.supplier_id}/checks/", data)
    assert response.status_code == 302
    assert Verification.objects.get(supplier=pa.supplier).kind == "pvg"


@pytest.mark.parametrize("who", ["other_owner", "pa_user", "plain_user", "staff"])
def test_others_cannot_see_or_send_an_organisations_checks(client, site_tree, organisation, who, request):
    client.force_login(request.getfixturevalue(who))
    url = f"/dashboard/suppliers/{organisation.supplier_id}/checks/"
    assert client.get(url).status_code == 404
    assert client.post(url, check_data()).status_code == 404
    assert not Verification.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, site_tree, organisation, pa):
    response = client.post(f"/dashboard/suppliers/{organisation.supplier_id}/checks/", check_data())
    assert response.status_code == 302
    assert "/accounts/login/" in response.url
    assert client.get(f"/dashboard/suppliers/{pa.supplier_id}/checks/").status_code == 302
    assert not Verification.objects.exists()


@pytest.mark.parametrize("who", ["owner", "plain_user", "superuser"])
def test_nobody_else_sees_or_sends_a_pas_checks(client, site_tree, pa, who, request, db):
    from tests.factories import UserFactory

    user = UserFactory(is_superuser=True, is_staff=True) if who == "superuser" else request.getfixturevalue(who)
    client.force_login(user)
    url = f"/dashboard/suppliers/{pa.supplier_id}/checks/"
    assert client.get(url).status_code == 404
    assert client.post(url, check_data(kind="pvg", expires_on="")).status_code == 404
    assert not Verification.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"evidence": evidence(b"MZ\x90\x00 not a document", "policy.pdf")}, "must be a PDF, JPEG or PNG"),
        ({"evidence": evidence(PDF + b"0" * (10 * 1024 * 1024), "big.pdf")}, "10 MB or smaller"),
        ({"evidence": ""}, "Choose the file that shows the check"),
        ({"issued_on": "2099-01-01", "expires_on": "2100-01-01"}, "cannot be in the future"),
        ({"issued_on": "2026-04-01", "expires_on": "2026-01-01"}, "must be after the date it was issued"),
        ({"issued_on": "31/31/2026"}, "Enter the date it was issued"),
        ({"expires_on": ""}, "Enter the date the insurance ends"),
        ({"kind": "passport"}, "Select a valid choice"),
        ({"detail": "x" * 500}, "at most 120 characters"),
    ],
)
def test_bad_checks_get_a_clear_error_and_nothing_is_saved(client, site_tree, owner, organisation, overrides, message):
    client.force_login(owner)
    response = client.post(f"/dashboard/suppliers/{organisation.supplier_id}/checks/", check_data(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert not Verification.objects.exists()


def test_an_owner_archives_a_listing_after_confirming(client, site_tree, owner, published_listing):
    from providers.models import Listing

    client.force_login(owner)
    url = f"/dashboard/listings/{published_listing.pk}/archive/"
    assert b"Archive this listing?" in client.get(url).content
    published_listing.refresh_from_db()
    assert published_listing.status == Listing.Status.PUBLISHED  # a GET changes nothing
    assert client.post(url).status_code == 302
    published_listing.refresh_from_db()
    assert published_listing.status == Listing.Status.ARCHIVED
    assert not Listing.objects.publicly_visible().filter(pk=published_listing.pk).exists()
    assert client.get(url).status_code == 404  # already archived


@pytest.mark.parametrize("who", ["other_owner", "pa_user", "plain_user"])
def test_others_cannot_archive_a_listing(client, site_tree, published_listing, who, request):
    from providers.models import Listing

    client.force_login(request.getfixturevalue(who))
    assert client.post(f"/dashboard/listings/{published_listing.pk}/archive/").status_code == 404
    published_listing.refresh_from_db()
    assert published_listing.status == Listing.Status.PUBLISHED
