from django.contrib.auth.signals import user_logged_in

from .context import SESSION_KEY


def _sign_in_acts_for_oneself(sender, request, user, **kwargs):
    """Every sign-in starts with the person acting for themself (signing out flushes the whole session)."""
    if request is not None and hasattr(request, "session"):
        request.session.pop(SESSION_KEY, None)
        request.__dict__.pop("_acting_arrangement", None)


def connect():
    user_logged_in.connect(_sign_in_acts_for_oneself, dispatch_uid="acting-sign-in")
