"""Whose behalf a request acts on. Other apps ask here; they never look at arrangements themselves.

A signed-in helper chooses whom they act for (kept in the session, checked again on every request: an arrangement the
person ended, or past its date, stops working at once). `principal(request)` is the person the request acts for (the
signed-in user themself when they act for nobody else); `require(request, scope)` refuses what the arrangement does
not allow; `record(request, scope, action)` writes the person's log.
"""

from django.core.exceptions import PermissionDenied

from .models import Arrangement, LogEntry

SESSION_KEY = "acting_for"


def arrangement(request):
    """The arrangement the signed-in helper is acting under now, or None (acting for themself)."""
    if hasattr(request, "_acting_arrangement"):
        return request._acting_arrangement
    found = None
    arrangement_id = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if arrangement_id and request.user.is_authenticated:
        found = (
            Arrangement.objects.in_force()
            .select_related("person")
            .filter(pk=arrangement_id, helper=request.user)
            .first()
        )
        if found is None:
            request.session.pop(SESSION_KEY, None)
    request._acting_arrangement = found
    return found


def principal(request):
    """The person this request acts for: the helped person, or the signed-in user."""
    current = arrangement(request)
    return current.person if current else request.user


def acting_for_someone(request):
    return arrangement(request) is not None


def may(request, scope):
    current = arrangement(request)
    return current is None or current.allows(scope)


def require(request, scope):
    """Refuse (403) what the helper's arrangement does not allow; the person themself may do anything of theirs."""
    if not may(request, scope):
        raise PermissionDenied


def record(request, scope, action, url=""):
    """Log `action` (words the person reads) when a helper does it in someone's name."""
    current = arrangement(request)
    if current is not None:
        LogEntry.objects.create(
            arrangement=current, person=current.person, actor=request.user, scope=scope, action=action, url=url
        )


def act_for(request, arrangement_or_none):
    """Switch whom the signed-in user acts for (None: themself)."""
    request.session[SESSION_KEY] = arrangement_or_none.pk if arrangement_or_none else None
    request._acting_arrangement = arrangement_or_none
