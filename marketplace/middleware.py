from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

ADMIN_PREFIX = "/admin/"
ALLOWED_WITHOUT_MFA = ("/admin/logout/",)


class RequireMfaForAdminMiddleware:
    """Staff and editors must turn on two-factor authentication before they reach the Wagtail admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_set_up_mfa(request):
            messages.warning(request, _("Set up two-factor authentication before you use the editing tools."))
            return redirect(f"{reverse('mfa_activate_totp')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def _must_set_up_mfa(request):
        if not request.path.startswith(ADMIN_PREFIX) or request.path.startswith(ALLOWED_WITHOUT_MFA):
            return False
        user = request.user
        return user.is_authenticated and user.can_access_admin and not is_mfa_enabled(user)
