from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

ADMIN_PREFIX = "/admin/"
ALLOWED_WITHOUT_MFA = ("/admin/logout/",)


class RequireMfaForAdminMiddleware:
    """Staff and editors must turn on two-factor authentication before they reach the Wagtail admin; anyone else who
    is signed in is told plainly that the editing tools are not for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._signed_in_without_access(request):
            # Wagtail would send them to sign in, and signing in sends them back here: a loop the browser gives up on.
            return render(request, "403.html", {"admin_only": True}, status=403)
        if self._must_set_up_mfa(request):
            messages.warning(request, _("Set up two-factor authentication before you use the editing tools."))
            return redirect(f"{reverse('mfa_activate_totp')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def _signed_in_without_access(request):
        if not request.path.startswith(ADMIN_PREFIX) or request.path.startswith(ALLOWED_WITHOUT_MFA):
            return False
        return request.user.is_authenticated and not request.user.can_access_admin

    @staticmethod
    def _must_set_up_mfa(request):
        if not request.path.startswith(ADMIN_PREFIX) or request.path.startswith(ALLOWED_WITHOUT_MFA):
            return False
        user = request.user
        return user.is_authenticated and user.can_access_admin and not is_mfa_enabled(user)


NUL = "\x00"


def _has_nul(*texts):
    return any(NUL in text for text in texts)


def _params_have_nul(params):
    return any(_has_nul(key, *values) for key, values in params.lists())


class DropUnreadableCookiesMiddleware:
    """A cookie holding a NUL character (which no cookie this site sets has) is ignored, as if absent: looking up such
    a session key would make PostgreSQL refuse the query. Runs before the session middleware reads the cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any(_has_nul(name, value) for name, value in request.COOKIES.items()):
            request.COOKIES = {name: value for name, value in request.COOKIES.items() if not _has_nul(name, value)}
        return self.get_response(request)


def _view_answers_itself(request):
    """Whether the view for this path refuses such requests itself (`answers_unreadable_requests = True`): an API
    whose clients are programs answers in JSON, not with a page."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return getattr(match.func, "answers_unreadable_requests", False)


class RejectNullCharactersMiddleware:
    """A NUL character is never part of a web address or of anything people type into a form, and PostgreSQL refuses
    text containing one. A request carrying one in its path, query or form gets a 400 page saying so, whatever view
    it was for, instead of reaching the database (unless the view refuses it itself, in its own format)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        unreadable = _has_nul(request.path) or _params_have_nul(request.GET) or _params_have_nul(request.POST)
        if unreadable and not _view_answers_itself(request):
            return render(request, "unreadable_request.html", status=400)
        return self.get_response(request)
