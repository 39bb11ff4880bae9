"""Short sessions for accounts that can see other people's data, and two-factor authentication where a rule asks
for it (rules in marketplace/core/account_rules.py)."""

import time

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import account_rules

STARTED = "short_session_started"
LAST_SEEN = "short_session_last_seen"
# The idle clock is written at most this often, so that a busy editor's session is not saved on every request.
LAST_SEEN_RESOLUTION_SECONDS = 60
EXPLAIN_FOR_SECONDS = 60 * 60


def _has_session(request):
    """Whether the request could be signed in. Without a session cookie the session is never read, so that public
    answers do not vary by cookie and stay cacheable."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


class ShortSessionMiddleware:
    """Ends the session of someone who sees other people's data after SHORT_SESSION_IDLE_SECONDS without a request,
    or SHORT_SESSION_MAX_SECONDS after it began, whatever they were doing. Everyone else keeps the normal session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _has_session(request):
            return self.get_response(request)
        user = request.user
        if not user.is_authenticated or not account_rules.sees_others_data(user):
            return self.get_response(request)
        now = int(time.time())
        session = request.session
        started = session.setdefault(STARTED, now)
        last_seen = session.get(LAST_SEEN, now)
        if now - last_seen > settings.SHORT_SESSION_IDLE_SECONDS or now - started > settings.SHORT_SESSION_MAX_SECONDS:
            logout(request)
            messages.info(request, _("You were signed out to keep people's information safe. Sign in again."))
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if LAST_SEEN not in session or now - last_seen >= LAST_SEEN_RESOLUTION_SECONDS:
            session[LAST_SEEN] = now
            # The stored session and its cookie go too, an hour after this check would refuse them: in that hour a
            # returning person is told why they must sign in again.
            session.set_expiry(settings.SHORT_SESSION_IDLE_SECONDS + EXPLAIN_FOR_SECONDS)
        return self.get_response(request)


class RequireMfaForAreasMiddleware:
    """Sends someone a rule requires two-factor authentication of (a supplier owner on their dashboard) to set it up
    first, and back where they were going afterwards."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _has_session(request):
            return self.get_response(request)
        user = request.user
        reason = account_rules.mfa_reason(user, request.path_info)
        if reason is not None and not is_mfa_enabled(user):
            messages.warning(request, _("Set up two-factor authentication first: %(reason)s") % {"reason": reason})
            return redirect(f"{reverse('mfa_activate_totp')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
