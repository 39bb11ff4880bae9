"""Content-Security-Policy and Permissions-Policy on every response.

The public site runs no inline script or style, so its policy allows scripts and styles from this site only. The
Wagtail admin (and the editors' screens inside it) still writes inline scripts (inline panels, date pickers,
wagtail-localize's editor) and style attributes, so /admin/ gets a policy of its own that allows inline code there
and nowhere else; everything else in that policy stays as strict as the public one.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(settings.ADMIN_CSP_PREFIX):
            return PolicyParts(default_config(settings.ADMIN_CONTENT_SECURITY_POLICY), parts.update, parts.replace)
        return parts


class PermissionsPolicyMiddleware:
    """Turns off browser features the site never uses, for its own pages and anything they might embed.
    Geolocation stays allowed for this site only: find support's "use my location" asks for it."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}={allowed}" for feature, allowed in settings.PERMISSIONS_POLICY.items())

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
