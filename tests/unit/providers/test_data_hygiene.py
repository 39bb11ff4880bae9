"""Files and edits: nothing left public that should not be, no unsafe names, and no unbounded piles.

Found by probing: a replaced PA photo was never deleted (and stayed public after the PA deleted their account);
photos of a draft listing were public at predictable URLs; there was no cap on photos or evidence files; evidence kept
any extension (a file starting `%PDF` but named `.html` was stored as `.html`; a right-to-left override survived as
`gnp.exe`); 785 saves of one listing made its editors' page take 5.6 s and a review gathered 606 versions.
"""

import io
import re
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from marketplace.core.models import EDITORS_GROUP
from providers.models import ListingPhoto, PersonalAssistant, Verification
from tests.factories import UserFactory
from tests.mfa import enable_totp

from .conftest import listing_form_data
from .test_checks import PDF, check_data, evidence

pytestmark = pytest.mark.django_db


def png(name="me.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (12, 9), (20, 120, 200)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pa_data(**overrides):
    data = {
        "display_name": "Amira K",
        "experience_years": "4",
        "employment": "self_employed",
        "home_postcode": "EH1 1YZ",
    }
    return {**data, **overrides}


def test_a_replaced_pa_photo_is_deleted(client, pa_user, pa, django_capture_on_commit_callbacks):
    client.force_login(pa_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("providers:pa_profile"), pa_data(photo=png("first.png"), photo_alt_text="Amira smiling"))
    first = PersonalAssistant.objects.get(pk=pa.pk).photo.name
    assert default_storage.exists(first)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("providers:pa_profile"), pa_data(photo=png("second.png"), photo_alt_text="Amira in the garden")
        )

    assert response.status_code == 302
    second = PersonalAssistant.objects.get(pk=pa.pk).photo.name
    assert second != first and default_storage.exists(second)
    assert not default_storage.exists(first)


def test_photo_names_cannot_be_guessed(client, owner, listing):
    client.force_login(owner)
    client.post(
        reverse("providers:listing_photos", args=[listing.pk]), {"image": png("office.png"), "alt_text": "Our office"}
    )
    client.post(
        reverse("providers:listing_photos", args=[listing.pk]), {"image": png("office.png"), "alt_text": "Our office"}
    )

    names = [photo.image.name for photo in ListingPhoto.objects.filter(listing=listing)]
    assert len(set(names)) == 2
    for name in names:
        assert str(listing.pk) not in name.split("/")[1:-1] and "office" not in name
        assert re.fullmatch(r"listing-photos/[A-Za-z0-9_-]{24}\.png", name)


def test_a_listing_holds_a_limited_number_of_photos(client, owner, listing, settings):
    settings.LISTING_PHOTOS_MAX = 2
    client.force_login(owner)
    url = reverse("providers:listing_photos", args=[listing.pk])
    statuses = [client.post(url, {"image": png(), "alt_text": "Our office"}).status_code for _ in range(3)]

    assert statuses == [302, 302, 400]
    assert listing.photos.count() == 2


def test_evidence_is_stored_by_what_it_is_under_a_safe_name(client, owner, organisation):
    client.force_login(owner)
    url = reverse("providers:supplier_checks", args=[organisation.supplier.pk])
    sneaky = "policy\u202egnp.exe"  # shows as "policyexe.png" in some viewers
    response = client.post(url, check_data(evidence=SimpleUploadedFile(sneaky, PDF, content_type="image/png")))
    assert response.status_code == 302
    client.post(
        url,
        check_data(kind="registration", expires_on="", evidence=evidence(name="invoice.html")),
    )

    names = list(Verification.objects.values_list("evidence", flat=True))
    assert len(names) == 2
    for name in names:
        assert re.fullmatch(r"verification-evidence/\d{4}/\d{2}/[A-Za-z0-9_-]{24}\.pdf", name), name
        assert storages["private"].exists(name)


def test_evidence_that_is_not_what_it_says_is_refused(client, owner, organisation):
    client.force_login(owner)
    url = reverse("providers:supplier_checks", args=[organisation.supplier.pk])
    html = SimpleUploadedFile("policy.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf")

    response = client.post(url, check_data(evidence=html))

    assert response.status_code == 400
    assert "The file must be a PDF, JPEG or PNG" in response.content.decode()
    assert not Verification.objects.exists()


def test_one_check_of_a_kind_waits_at_a_time(client, owner, organisation):
    client.force_login(owner)
    url = reverse("providers:supplier_checks", args=[organisation.supplier.pk])
    first = client.post(url, check_data())
    second = client.post(url, check_data())

    assert (first.status_code, second.status_code) == (302, 400)
    assert "You have already sent this check." in second.content.decode()
    assert Verification.objects.count() == 1


def test_checks_are_limited_per_day(client, owner, organisation, settings):
    settings.CHECKS_PER_SUPPLIER_PER_DAY = 2
    client.force_login(owner)
    url = reverse("providers:supplier_checks", args=[organisation.supplier.pk])
    for kind in ("insurance", "registration"):
        assert client.post(url, check_data(kind=kind)).status_code == 302
        Verification.objects.filter(kind=kind).update(status=Verification.Status.REJECTED)

    refused = client.post(url, check_data(kind="training"))

    assert refused.status_code == 429
    assert "You can send more tomorrow." in refused.content.decode()
    assert Verification.objects.count() == 2


def test_a_listing_cannot_be_saved_hundreds_of_times_an_hour(client, owner, listing, settings):
    settings.LISTING_SAVES_PER_HOUR = 3
    client.force_login(owner)
    url = reverse("providers:listing_edit", args=[listing.pk])
    statuses = [
        client.post(url, listing_form_data(listing, title=f"Support at home {number}")).status_code
        for number in range(4)
    ]

    assert statuses[-1] == 429
    listing.refresh_from_db()
    assert listing.title != "Support at home 3"
    assert listing.history.count() <= 3


def test_the_editors_listing_page_pages_its_history(owner, listing):
    editor = UserFactory(email="editor@example.org", groups=[EDITORS_GROUP])
    enable_totp(editor)
    for number in range(60):
        listing.title = f"Title {number}"
        listing.save()
    from django.test import Client

    browser = Client()
    browser.force_login(editor)
    url = reverse("providers_admin:listing_review", args=[listing.pk])

    first = browser.get(url).content.decode()
    last = browser.get(url + "?history=3").content.decode()

    assert "→ “Title 59”" in first and "“Title 10”" not in first
    assert "Page 1 of 3" in first and "?history=2" in first
    assert "→ “Title 5”" in last and "“Title 59”" not in last


def test_a_review_cannot_be_edited_hundreds_of_times(client, settings):
    from reviews.models import Review
    from tests.review_data import add_review
    from tests.unit.reviews.conftest import review_data

    from .conftest import make_listing, make_organisation

    settings.REVIEW_EDITS_PER_DAY = 2
    listing = make_listing(organisation=make_organisation(UserFactory(email="o@example.org")))
    author = UserFactory(email="author@example.org")
    review = add_review(listing, 4, author=author, at=timezone.now() - timedelta(hours=1))
    client.force_login(author)
    url = reverse("reviews:edit", args=[review.pk])

    statuses = [
        client.post(url, review_data(text=f"Changed {n}: " + "kind and on time " * 3)).status_code for n in range(4)
    ]

    assert statuses[-1] == 429
    assert "You can change it again tomorrow." in client.post(url, review_data()).content.decode()
    assert Review.history.filter(id=review.pk).count() == 3
