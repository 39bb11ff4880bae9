"""Rules about a person's account that depend on what they can see or do, filled by each app at start-up (core
imports no app).

- Accounts that can see other people's data get short sessions: `sees_others_data(user)` is true when any
  registered rule says so. Core's own rule covers the editing tools (staff, editors) and the groups named in
  SHORT_SESSION_GROUPS (commissioners, and council finance when it exists); the directory adds suppliers' members.
- Some areas need two-factor authentication: `mfa_reason(user, path)` is why, in words for the person, when a rule
  registered for the start of that path (language prefix removed) applies to the user; None otherwise. The directory
  requires it of supplier owners, who will receive money, for their dashboard.
"""

from django.conf import settings
from django.utils.translation import get_language_from_path

_sees_others_data = []
_mfa_areas = []


def register_sees_others_data(rule):
    _sees_others_data.append(rule)


def register_mfa_area(prefix, rule, reason):
    """`reason` (translatable) completes "Set up two-factor authentication first: …" for the person asked."""
    _mfa_areas.append((prefix, rule, reason))


def _staff_or_listed_group(user):
    return user.can_access_admin or user.groups.filter(name__in=settings.SHORT_SESSION_GROUPS).exists()


def sees_others_data(user):
    if not user.is_authenticated:
        return False
    return _staff_or_listed_group(user) or any(rule(user) for rule in _sees_others_data)


def without_language(path):
    language = get_language_from_path(path)
    return path[len(language) + 1 :] if language and path.startswith(f"/{language}/") else path


def mfa_reason(user, path):
    if not user.is_authenticated:
        return None
    path = without_language(path)
    return next((reason for prefix, rule, reason in _mfa_areas if path.startswith(prefix) and rule(user)), None)


def mfa_required(user, path):
    return mfa_reason(user, path) is not None
