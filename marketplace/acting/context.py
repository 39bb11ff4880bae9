"""Whose behalf a request acts on. Other apps ask here; they never look at arrangements themselves.

A signed-in helper chooses whom they act for (kept in the session, checked again on every request: an arrangement the
person ended, or past its date, stops working at once). `principal(request)` is the person the request acts for (the
signed-in user themself when they act for nobody else); `require(request, scope)` refuses what the arrangement does
not allow; `record(request, scope, action)` writes the person's log.

The person themself is never limited: scopes only narrow what a helper may do.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Arrangement, LogEntry, Scope

SESSION_KEY = "acting_for"
ACTION_MAX_LENGTH = LogEntry._meta.get_field("action").max_length


def arrangement(request):
    """The arrangement the signed-in helper is acting under now, or None (acting for themself)."""
    if hasattr(request, "_acting_arrangement"):
        return request._acting_arrangement
    found = None
    session = getattr(request, "session", None)
    arrangement_id = session.get(SESSION_KEY) if session is not None else None
    if arrangement_id and request.user.is_authenticated:
        # Only the signed-in user's own arrangements count, so a session holding someone else's id acts for nobody.
        found = (
            Arrangement.objects.in_force()
            .select_related("person")
            .filter(pk=arrangement_id, helper=request.user)
            .first()
        )
    if arrangement_id and found is None:
        session.pop(SESSION_KEY, None)
        messages.info(
            request,
            _("You are acting for yourself again: the arrangement you were using has ended."),
            fail_silently=True,
        )
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


def record(request, scope, action, url="", **params):
    """Log `action` when a helper does it in someone's name (nothing when people act for themselves).

    `action` is what the person reads. Pass a lazy translation with named placeholders and their values, e.g.
    `record(request, Scope.ENQUIRE, gettext_lazy("Sent an enquiry to %(supplier)s"), url, supplier=name)`, and the log
    is written in the person's own language, whatever language the helper uses. `url` is a path on this site."""
    if scope not in Scope.values:
        raise ValueError(f"Unknown scope {scope!r}")
    current = arrangement(request)
    if current is None:
        return None
    with translation.override(current.person.preferred_language):
        text = str(action) % params if params else str(action)
    return LogEntry.objects.create(
        arrangement=current,
        person=current.person,
        actor=request.user,
        scope=scope,
        action=text[:ACTION_MAX_LENGTH],
        url=url if _site_path(url) else "",
    )


def _site_path(url):
    max_length = LogEntry._meta.get_field("url").max_length
    return url.startswith("/") and not url.startswith("//") and len(url) <= max_length


def act_for(request, arrangement_or_none):
    """Switch whom the signed-in user acts for (None: themself)."""
    if arrangement_or_none is not None and (
        arrangement_or_none.helper_id != request.user.pk or not arrangement_or_none.in_force()
    ):
        raise PermissionDenied
    if arrangement_or_none is None:
        request.session.pop(SESSION_KEY, None)
    else:
        request.session[SESSION_KEY] = arrangement_or_none.pk
    request._acting_arrangement = arrangement_or_none
