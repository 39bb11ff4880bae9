"""Demo helpers: two people who act for demo people, so the banner, the switcher and the log can be tried.

- daughter@example.org (Sana Hussain) acts for person@example.org (Amina Hussain, her mother): find support and
  enquire, bookings and visits, money; informal help, no end date.
- broker@example.org (Jamie Fraser, a support broker) acts for second.person@example.org (Màiri MacLeod, Gaelic):
  find support and enquire only; as her broker, for a year.

Run after the demo users exist (person@example.org); running again changes nothing.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from marketplace.acting.models import Arrangement, Basis, Scope
from marketplace.core.demo_guard import refuse_demo_data

# email, display name, language, what the account is for
USERS = [
    ("daughter@example.org", "Sana Hussain", "en", "Helper: daughter acting for person@example.org"),
    ("second.person@example.org", "Màiri MacLeod", "gd", "Person who uses support (her broker acts for her)"),
    ("broker@example.org", "Jamie Fraser", "en", "Helper: support broker acting for second.person@example.org"),
]

# person, helper, how the person names the helper, who they are to the person, scopes, basis, days until the end
ARRANGEMENTS = [
    (
        "person@example.org",
        "daughter@example.org",
        "Sana",
        "Daughter",
        [Scope.ENQUIRE, Scope.BOOK, Scope.MONEY],
        Basis.INFORMAL,
        None,
    ),
    (
        "second.person@example.org",
        "broker@example.org",
        "Jamie Fraser",
        "Support broker, Highland Brokerage",
        [Scope.ENQUIRE],
        Basis.ADVOCATE,
        365,
    ),
]


def _ensure_user(email, display_name, language, hashed):
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        user = User.objects.create(
            email=email, display_name=display_name, preferred_language=language, password=hashed()
        )
    address = EmailAddress.objects.filter(user=user, email__iexact=email).first()
    if address is None:
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    elif not (address.verified and address.primary):
        address.verified = address.primary = True
        address.save(update_fields=["verified", "primary"])
    return user, created


@transaction.atomic
def load(password):
    """Create the demo helpers and their arrangements where missing. Returns (counts, [(email, role, created)])."""
    refuse_demo_data()
    cache = {}

    def hashed():
        cache.setdefault("password", make_password(password))  # one hash for every new account
        return cache["password"]

    users, rows, counts = {}, [], {}
    for email, display_name, language, role in USERS:
        users[email], created = _ensure_user(email, display_name, language, hashed)
        rows.append((email, role, created))
        counts["users"] = counts.get("users", 0) + created
    User = get_user_model()
    for person_email, helper_email, name, relationship, scopes, basis, days in ARRANGEMENTS:
        person = User.objects.filter(email__iexact=person_email).first()
        helper = users[helper_email]
        until = timezone.localdate() + timedelta(days=days) if days else None
        if person is None:
            continue
        existing = Arrangement.objects.filter(person=person, helper=helper, status=Arrangement.Status.ACTIVE).first()
        if existing is not None:
            if not existing.in_force():  # a demo loaded long ago: its year is over
                existing.until = until
                existing.save(update_fields=["until"])
            continue
        now = timezone.now()
        Arrangement.objects.create(
            person=person,
            helper=helper,
            invited_email=helper.email,
            helper_name=name,
            relationship=relationship,
            scopes=[str(scope) for scope in scopes],
            basis=basis,
            until=until,
            status=Arrangement.Status.ACTIVE,
            created_at=now,
            accepted_at=now,
        )
        counts["arrangements"] = counts.get("arrangements", 0) + 1
    return {name: count for name, count in counts.items() if count}, rows
