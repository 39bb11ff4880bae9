"""Who may see market insight: the Commissioners group (which holds the permission), and superusers."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

PERMISSION = "insight.view_market_insight"


def is_commissioner(user):
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(PERMISSION))


def commissioner_required(view):
    """Signed-in commissioners only: anyone else signed in is refused (403), anyone signed out is sent to sign in."""

    @login_required
    @wraps(view)
    def checked(request, *args, **kwargs):
        if not is_commissioner(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked
