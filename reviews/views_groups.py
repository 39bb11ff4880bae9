"""A peer group's coordinator vouches for members by email address (and can withdraw a vouch)."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from marketplace.form_errors import error_list
from marketplace.permissions import acts_for

from . import notifications
from .forms import EmailForm
from .models import PeerGroup, PeerGroupMember

# Each vouch sends an email and makes someone a reviewer: a coordinator vouches for people one by one.
VOUCHES_PER_GROUP_PER_DAY = 30


def _vouched_today(group):
    return group.members.filter(vouched_at__gte=timezone.now() - timedelta(days=1)).count()


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
    if request.method == "POST" and form.is_valid() and _vouched_today(group) >= VOUCHES_PER_GROUP_PER_DAY:
        form.add_error(
            "email",
            _("You have vouched for %(count)s people today. You can vouch for more tomorrow.")
            % {"count": VOUCHES_PER_GROUP_PER_DAY},
        )
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        try:
            with transaction.atomic():
                member = PeerGroupMember.objects.create(group=group, email=email, vouched_by=request.user)
        except IntegrityError:
            form.add_error("email", _("You have already vouched for %(email)s") % {"email": email})
        else:
            notifications.vouched(member)
            messages.success(request, _("You have vouched for %(email)s. We have told them.") % {"email": email})
            return redirect("reviews:peer_group", pk=group.pk)
    context = {
        "group": group,
        "form": form,
        "errors": error_list(form),
        "members": group.members.order_by("email"),
    }
    return render(request, "reviews/peer_group.html", context, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def withdraw(request, pk, member_pk):
    group = _coordinated_group(request, pk)
    member = get_object_or_404(PeerGroupMember, pk=member_pk, group=group)
    member.delete()
    messages.success(request, _("You no longer vouch for %(email)s.") % {"email": member.email})
    return redirect("reviews:peer_group", pk=group.pk)
