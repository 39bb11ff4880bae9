"""Checks (registration, insurance, PVG/DBS, training): the editors' queue, private evidence, expiry and reminders."""

import io
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from marketplace.core.models import EDITORS_GROUP
from providers.freshness import send_verification_reminders
from providers.models import Membership, Verification
from tests.factories import UserFactory, new_organisation, owner_has_mfa, personal_assistant
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db

QUEUE_URL = "/admin/providers/verifications/"
EVIDENCE = b"%PDF-1.4 certificate of insurance for Leith Care Co-op"


@pytest.fixture
def owner():
    return UserFactory(email="owner@example.org")


@pytest.fixture
def organisation(owner):
    organisation = new_organisation("Leith Care Co-op", slug="leith-care", kind="charity")
    Membership.objects.create(user=owner, supplier=organisation.supplier, role="owner")
    owner_has_mfa(owner)
    staff = UserFactory(email="staff@example.org")
    Membership.objects.create(user=staff, supplier=organisation.supplier, role="staff")
    return organisation


@pytest.fixture
def check(organisation):
    return Verification.objects.create(
        supplier=organisation.supplier,
        kind=Verification.Kind.INSURANCE,
        detail="£5m public liability",
        reference="PL-123456",
        issued_on=date(2026, 1, 1),
        expires_on=timezone.localdate() + timedelta(days=300),
        evidence=SimpleUploadedFile("insurance.pdf", EVIDENCE, content_type="application/pdf"),
    )


@pytest.fixture
def editor():
    user = UserFactory(email="editor@example.org", groups=[EDITORS_GROUP])
    enable_totp(user)
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def action_url(check, action):
    return reverse("providers_admin:verification_action", args=[check.pk, action])


def evidence_url(check):
    return reverse("providers_admin:verification_evidence", args=[check.pk])


def test_queue_shows_pending_checks_with_evidence_link(editor_client, check, organisation):
    Verification.objects.create(supplier=organisation.supplier, kind=Verification.Kind.TRAINING, status="verified")
    response = editor_client.get(QUEUE_URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Public liability insurance" in content
    assert "PL-123456" in content
    assert "Leith Care Co-op" in content
    assert evidence_url(check) in content
    assert "Training certificate" not in content  # already decided: not in the pending queue
    assert "Training certificate" in editor_client.get(QUEUE_URL, {"status": "all"}).content.decode()


def test_editor_verifies_and_owners_are_told(editor_client, editor, check, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(action_url(check, "verify"), follow=True)
    assert "is verified" in response.content.decode()
    check.refresh_from_db()
    assert check.status == Verification.Status.VERIFIED
    assert check.decided_by == editor
    assert check.verified_on == timezone.localdate()
    assert Verification.objects.current().filter(pk=check.pk).exists()
    assert sorted(message.to[0] for message in mail.outbox) == ["owner@example.org", "staff@example.org"]
    assert "verified" in mail.outbox[0].subject


def test_reject_needs_a_reason(editor_client, check, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(action_url(check, "reject"), {"reason": ""}, follow=True)
    assert "Say why the evidence was not accepted." in response.content.decode()
    check.refresh_from_db()
    assert check.status == Verification.Status.PENDING
    assert mail.outbox == []


def test_reject_with_a_reason(editor_client, check, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(action_url(check, "reject"), {"reason": "The certificate's name doesn't match."})
    check.refresh_from_db()
    assert check.status == Verification.Status.REJECTED
    assert check.rejection_reason == "The certificate's name doesn't match."
    assert not Verification.objects.current().filter(pk=check.pk).exists()
    assert "The certificate's name doesn't match." in mail.outbox[0].body


def test_editor_downloads_evidence_as_an_attachment(editor_client, check):
    response = editor_client.get(evidence_url(check))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "insurance" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == EVIDENCE


def test_missing_evidence_is_404(editor_client, organisation):
    check = Verification.objects.create(supplier=organisation.supplier, kind=Verification.Kind.DBS)
    assert editor_client.get(evidence_url(check)).status_code == 404


def test_evidence_is_not_reachable_under_media_url(client, check):
    """Only the editor-only view serves evidence (the test settings, like production, do not serve MEDIA_ROOT)."""
    assert check.evidence.url.startswith("/media/verification-evidence/")
    assert client.get(check.evidence.url).status_code == 404


def _admin_user_who_is_not_an_editor():
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory(groups=["Admin access only"])
    enable_totp(user)
    return user


@pytest.mark.parametrize("who", ["anonymous", "plain", "owner", "pa", "admin_not_editor"])
def test_only_editors_see_the_queue_evidence_or_decide(client, owner, check, who, django_capture_on_commit_callbacks):
    if who == "plain":
        client.force_login(UserFactory())
    elif who == "owner":
        client.force_login(owner)
    elif who == "pa":
        pa_user = UserFactory()
        personal_assistant("Kasia", user=pa_user, employment="self_employed", home_postcode="EH6 6QU")
        client.force_login(pa_user)
    elif who == "admin_not_editor":
        client.force_login(_admin_user_who_is_not_an_editor())
    for url in [QUEUE_URL, evidence_url(check)]:
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        if response.status_code == 302:
            assert "login" in response["Location"]
        assert EVIDENCE not in b"".join(getattr(response, "streaming_content", [response.content]))
    with django_capture_on_commit_callbacks(execute=True):
        for action in ["verify", "reject"]:
            assert client.post(action_url(check, action), {"reason": "because"}).status_code in (302, 403)
    check.refresh_from_db()
    assert check.status == Verification.Status.PENDING
    assert check.decided_by is None
    assert mail.outbox == []


def test_expired_checks_drop_out_of_current(check):
    check.status = Verification.Status.VERIFIED
    check.expires_on = date(2027, 3, 31)
    check.save()
    with freeze_time("2027-03-31 12:00"):
        assert Verification.objects.current().filter(pk=check.pk).exists()
    with freeze_time("2027-04-01 12:00"):
        assert not Verification.objects.current().filter(pk=check.pk).exists()


def test_expiry_reminder_goes_out_once(check, settings, django_capture_on_commit_callbacks):
    settings.VERIFICATION_EXPIRY_REMINDER_DAYS = 30
    Verification.objects.filter(pk=check.pk).update(status="verified", expires_on=date(2027, 3, 31))
    with freeze_time("2027-02-20 09:00"), django_capture_on_commit_callbacks(execute=True):
        assert send_verification_reminders() == 0  # 39 days left: not yet
    with freeze_time("2027-03-10 09:00"), django_capture_on_commit_callbacks(execute=True):
        assert send_verification_reminders() == 1
    assert sorted(message.to[0] for message in mail.outbox) == ["owner@example.org", "staff@example.org"]
    reminder = mail.outbox[0]
    assert "Public liability insurance expires on 31 March 2027" in reminder.subject
    assert "in 21 days" in reminder.body
    assert "/dashboard/" in reminder.body
    check.refresh_from_db()
    assert check.expiry_reminder_sent_at is not None
    with freeze_time("2027-03-11 09:00"), django_capture_on_commit_callbacks(execute=True):
        assert send_verification_reminders() == 0
    assert len(mail.outbox) == 2


def test_no_reminder_for_pending_rejected_or_expired_checks(organisation, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    Verification.objects.create(
        supplier=organisation.supplier, kind="dbs", status="pending", expires_on=today + timedelta(5)
    )
    Verification.objects.create(
        supplier=organisation.supplier, kind="pvg", status="rejected", expires_on=today + timedelta(5)
    )
    Verification.objects.create(
        supplier=organisation.supplier, kind="training", status="verified", expires_on=today - timedelta(1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert send_verification_reminders() == 0
    assert mail.outbox == []


def test_pa_gets_the_reminder_for_their_own_check(django_capture_on_commit_callbacks):
    pa_user = UserFactory(email="kasia@example.org")
    pa = personal_assistant("Kasia", user=pa_user, employment="self_employed", home_postcode="EH6 6QU")
    Verification.objects.create(
        supplier=pa.supplier, kind="pvg", status="verified", expires_on=timezone.localdate() + timedelta(days=10)
    )
    with django_capture_on_commit_callbacks(execute=True):
        out = io.StringIO()
        call_command("send_verification_reminders", stdout=out)
    assert "Reminded the owners of 1 check(s)." in out.getvalue()
    assert [message.to for message in mail.outbox] == [["kasia@example.org"]]
    assert "PVG" in mail.outbox[0].subject


@pytest.mark.django_db
def test_evidence_is_stored_outside_the_public_media_folder(settings):
    from django.core.files.base import ContentFile

    from providers.models import Verification

    organisation = new_organisation("Evidence Test", slug="evidence-test", kind="charity")
    check = Verification.objects.create(supplier=organisation.supplier, kind="insurance")
    check.evidence.save("policy.pdf", ContentFile(b"%PDF-1.4 insurance"))
    stored = check.evidence.path
    assert stored.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not stored.startswith(str(settings.MEDIA_ROOT))


def test_the_buttons_in_the_queue_work_with_csrf_protection(editor, check, django_capture_on_commit_callbacks):
    import re

    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)
    page = browser.get(QUEUE_URL).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(action_url(check, "verify"), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    check.refresh_from_db()
    assert check.status == Verification.Status.VERIFIED
