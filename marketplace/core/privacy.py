"""What the site holds about a person: theirs to download, and erased when they delete their account.

Each app registers a section from its `AppConfig.ready`: an `export(user, emails)` that returns the app's part of the
download (a dict merged into it) and an `erase(user, emails)` that deletes or anonymises it. `emails` are the
person's *confirmed* addresses only: anyone can add an address to their account without confirming it, and must not
thereby read or delete what a stranger signed up for with it.

Deleting an account anonymises the user row rather than deleting it. Many records point at users (moderation
decisions, listing history, Wagtail revisions, comments, checks an editor decided); most would be set to NULL, but
some (Wagtail comments, for one) would cascade and lose the editorial record of other people. An anonymised,
deactivated row with an unusable password and the address `deleted-<id>@invalid` keeps them intact while holding
nothing that identifies the person.
"""

from collections.abc import Callable
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db import transaction

from .accounts import confirmed_emails
from .files import delete_file_later
from .models import EmailChoice

EXPORT_VERSION = 2


@dataclass(frozen=True)
class Section:
    name: str
    export: Callable | None
    erase: Callable | None
    order: int


_sections = {}


def register(name, *, export=None, erase=None, order=100):
    """Add an app's part; erasures run in `order` (lower first: e.g. listings are archived before memberships go)."""
    _sections[name] = Section(name, export, erase, order)


def sections():
    return sorted(_sections.values(), key=lambda section: (section.order, section.name))


def iso(value):
    return value.isoformat() if value else None


def export_user_data(user):
    """Everything the site holds about `user`, as JSON-ready values (dates as ISO strings, money as strings)."""
    emails = confirmed_emails(user)
    data = {
        "format_version": EXPORT_VERSION,
        "account": {
            "id": user.pk,
            "email": user.email,
            "display_name": user.display_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "preferred_language": user.preferred_language,
            "date_joined": iso(user.date_joined),
            "last_login": iso(user.last_login),
            "is_active": user.is_active,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "email_choices": {
            choice.topic: choice.send for choice in EmailChoice.objects.filter(user=user).order_by("topic")
        },
    }
    for section in sections():
        if section.export is not None:
            data.update(section.export(user, emails))
    return data


@transaction.atomic
def delete_account(user):
    """Erase what every app holds about the person, then anonymise and deactivate the account. The caller logs the
    person out."""
    from wagtail.models import Page

    emails = confirmed_emails(user)
    for section in sections():
        if section.erase is not None:
            section.erase(user, emails)

    # Wagtail pages the person owned keep working, with nobody as owner; locks they held are released.
    Page.objects.filter(owner=user).update(owner=None)
    Page.objects.filter(locked_by=user).update(locked=False, locked_by=None, locked_at=None)
    _delete_sign_in_records(user)
    EmailChoice.objects.filter(user=user).delete()

    user.email = f"deleted-{user.pk}@invalid"
    user.display_name = ""
    user.first_name = ""
    user.last_name = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def _delete_sign_in_records(user):
    from allauth.mfa.models import Authenticator
    from wagtail.models import PageSubscription
    from wagtail.users.models import UserProfile

    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    PageSubscription.objects.filter(user=user).delete()
    for profile in UserProfile.objects.filter(user=user):
        if profile.avatar:
            delete_file_later(profile.avatar.storage, profile.avatar.name)
        profile.delete()
