"""Pages for people who let others act for them, and for the helpers.

These pages are always about the signed-in person's own account, even while they act for someone else: a helper never
invites helpers, reads the log or ends arrangements in another person's name. Someone who may not see an arrangement
gets a 404, so nobody learns that it exists. Invalid POSTs answer 400 and save nothing.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from marketplace.core import ratelimits
from marketplace.core.form_errors import error_list

from . import context, services
from .forms import AnswerForm, InvitationForm, SwitchForm
from .models import Arrangement, LogEntry

LOG_PAGE_SIZE = 25
Status = Arrangement.Status


def _page(request, template, data, status=200):
    """Render with the list for the error summary."""
    forms = [value for value in data.values() if hasattr(value, "is_bound") and hasattr(value, "errors")]
    data = {"errors": error_list(*forms), **data}
    return render(request, template, data, status=status)


# --- The person -------------------------------------------------------------------------------------------------


@login_required
def helpers(request):
    """People who act for you: arrangements in force, invitations waiting for an answer, and past ones."""
    arrangements = list(Arrangement.objects.filter(person=request.user).select_related("helper"))
    in_force = [arrangement for arrangement in arrangements if arrangement.in_force()]
    waiting = [arrangement for arrangement in arrangements if arrangement.invitation_usable()]
    past = [arrangement for arrangement in arrangements if arrangement not in in_force and arrangement not in waiting]
    has_log = LogEntry.objects.filter(person=request.user).exists()
    return _page(
        request,
        "acting/helpers.html",
        {"in_force": in_force, "waiting": waiting, "past": past, "has_log": has_log},
    )


@login_required
@require_http_methods(["GET", "POST"])
def invite(request):
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        if not form.is_valid():
            return _page(request, "acting/invite.html", {"form": form}, status=400)
        data = form.cleaned_data
        try:
            arrangement = services.invite(
                request.user,
                email=data["email"],
                helper_name=data["helper_name"],
                relationship=data["relationship"],
                scopes=data["scopes"],
                basis=data["basis"],
                until=data["until"],
            )
        except ValidationError as error:
            form.add_error("email", error)
            return _page(request, "acting/invite.html", {"form": form}, status=ratelimits.error_status(error))
        messages.success(
            request,
            _("We have emailed an invitation to %(name)s at %(email)s.")
            % {"name": arrangement.helper_name, "email": arrangement.invited_email},
        )
        return redirect("acting:helpers")
    return _page(request, "acting/invite.html", {"form": form})


@login_required
def log(request):
    """Everything done in the person's name, newest first."""
    entries = LogEntry.objects.filter(person=request.user).select_related("arrangement")
    page = Paginator(entries, LOG_PAGE_SIZE).get_page(request.GET.get("page"))
    return _page(request, "acting/log.html", {"page_obj": page, "entries": page.object_list})


# --- Either side ------------------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def end(request, pk):
    """Confirm, then end an arrangement or withdraw an invitation at once (the person or the helper)."""
    arrangement = (
        Arrangement.objects.filter(pk=pk)
        .filter(Q(person=request.user) | Q(helper=request.user))
        .select_related("person", "helper")
        .first()
    )
    if arrangement is None:
        raise Http404
    side = "person" if arrangement.person_id == request.user.pk else "helper"
    back = reverse("acting:helpers") if side == "person" else reverse("acting:switch")
    if arrangement.status not in (Status.INVITED, Status.ACTIVE):
        messages.info(request, _("This arrangement has already ended."))
        return redirect(back)
    if request.method == "POST":
        was_invitation = arrangement.status == Status.INVITED
        was_current = context.arrangement(request) == arrangement
        try:
            services.end(arrangement, request.user)
        except ValidationError:  # ended in another tab (or by the other side) since the check above
            messages.info(request, _("This arrangement has already ended."))
            return redirect(back)
        if was_current:
            context.act_for(request, None)
        if side == "helper":
            done = _("You no longer act for %(name)s. We have told them.") % {"name": arrangement.person}
        elif was_invitation:
            done = _("Your invitation to %(name)s is cancelled. The link no longer works.") % {
                "name": arrangement.helper_label
            }
        else:
            done = _("%(name)s can no longer act for you. This took effect at once.") % {
                "name": arrangement.helper_label
            }
        messages.success(request, done)
        return redirect(back)
    return _page(request, "acting/end.html", {"arrangement": arrangement, "side": side, "back": back})


# --- The helper -------------------------------------------------------------------------------------------------

INVITATION_PROBLEM_STATUS = {
    "unknown": 404,
    "wrong_email": 403,
    "own": 403,
    "used": 410,
    "expired": 410,
    "already": 409,
}


def _invitation_problem(request, reason):
    return _page(
        request, "acting/invitation_problem.html", {"reason": reason}, status=INVITATION_PROBLEM_STATUS[reason]
    )


@require_http_methods(["GET", "POST"])
def invitation(request, token):
    """The link in the invitation email: sign in with the invited address, then accept or decline."""
    arrangement = Arrangement.objects.select_related("person").filter(token=token).first()
    if arrangement is None:
        return _invitation_problem(request, "unknown")
    if not request.user.is_authenticated:
        if request.method == "POST":
            return redirect_to_login(request.get_full_path())
        here = urlencode({"next": request.get_full_path()})
        return _page(
            request,
            "acting/invitation_sign_in.html",
            {
                "login_url": f"{reverse('account_login')}?{here}",
                "signup_url": f"{reverse('account_signup')}?{here}",
            },
        )
    try:
        services.check_answerable(arrangement, request.user)
    except services.InvitationUnusable as problem:
        return _invitation_problem(request, problem.reason)
    form = AnswerForm(request.POST or None)
    if request.method == "POST":
        if not form.is_valid():
            return _page(request, "acting/invitation.html", {"arrangement": arrangement, "form": form}, status=400)
        try:
            if form.cleaned_data["decision"] == "accept":
                services.accept(arrangement, request.user)
            else:
                services.decline(arrangement, request.user)
        except services.InvitationUnusable as problem:
            return _invitation_problem(request, problem.reason)
        if form.cleaned_data["decision"] == "accept":
            messages.success(
                request,
                _("You can now act for %(name)s. Choose them below whenever you want to act in their name.")
                % {"name": arrangement.person},
            )
            return redirect("acting:switch")
        messages.success(request, _("You have declined. We have told %(name)s.") % {"name": arrangement.person})
        return redirect("account_dashboard")
    return _page(request, "acting/invitation.html", {"arrangement": arrangement, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def switch(request):
    """Whom the helper acts for now: themself, or one of the people who asked them. Also lists those people."""
    arrangements = list(
        Arrangement.objects.in_force().filter(helper=request.user).select_related("person").order_by("accepted_at")
    )
    current = context.arrangement(request)
    initial = {"act_for": str(current.pk) if current else SwitchForm.SELF}
    form = SwitchForm(request.POST or None, arrangements=arrangements, initial=initial)
    if request.method == "POST":
        if not form.is_valid():
            return _page(request, "acting/switch.html", {"form": form, "arrangements": arrangements}, status=400)
        chosen = form.chosen()
        context.act_for(request, chosen)
        if chosen is None:
            messages.success(request, _("You are acting for yourself."))
        else:
            messages.success(request, _("You are now acting for %(name)s.") % {"name": chosen.person})
        return redirect("acting:switch")
    return _page(request, "acting/switch.html", {"form": form, "arrangements": arrangements})
