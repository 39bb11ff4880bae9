"""The account page's two panels (`marketplace.core.account_panels`): who acts for the person, and whom they act for."""

from .models import Arrangement, LogEntry


def people_who_act_for_you(user, request):
    """Shown to everyone signed in, so people learn they can ask someone to help."""
    arrangements = Arrangement.objects.filter(person=user)
    in_force = list(arrangements.in_force().order_by("accepted_at"))
    return {
        "template": "acting/panels/people_who_act_for_you.html",
        "in_force": in_force,
        "waiting": arrangements.usable_invitations().count(),
        "has_log": LogEntry.objects.filter(person=user).exists(),
    }


def people_you_act_for(user, request):
    """Shown only to helpers."""
    arrangements = list(Arrangement.objects.in_force().filter(helper=user).select_related("person"))
    if not arrangements:
        return None
    return {"template": "acting/panels/people_you_act_for.html", "arrangements": arrangements}
