"""A peer group's coordinator vouches for members by email address (and can withdraw a vouch)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from marketplace.core import ratelimits
from marketplace.core.form_errors import error_list
from marketplace.core.permissions import acts_for

from . import services
from .forms import EmailForm
from .models import PeerGroup, PeerGroupMember


def _coordinated_group(request, pk):
    group = get_object_or_404(PeerGroup, pk=pk)
    if not acts_for(request.user, "reviews.manage_peer_group", group):
        raise Http404
    return group


@login_required
@require_http_methods(["GET", "POST"])
def peer_group(request, pk):
    group = _coordinated_group(request, pk)
    form = EmailForm(request.POST or None)
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        try:
            services.vouch(group, email, request.user)
        except ValidationError as error:
            form.add_error("email", error)
            status = ratelimits.error_status(error)
        else:
            messages.success(request, _("You have vouched for %(email)s. We have told them.") % {"email": email})
            return redirect("reviews:peer_group", pk=group.pk)
    context = {
        "group": group,
        "form": form,
        "errors": error_list(form),
        "members": group.members.order_by("email"),
    }
    return render(request, "reviews/peer_group.html", context, status=status)


@login_required
@require_POST
def withdraw(request, pk, member_pk):
    group = _coordinated_group(request, pk)
    member = get_object_or_404(PeerGroupMember, pk=member_pk, group=group)
    member.delete()
    messages.success(request, _("You no longer vouch for %(email)s.") % {"email": member.email})
    return redirect("reviews:peer_group", pk=group.pk)
