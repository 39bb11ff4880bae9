"""Pieces every bookings view shares: form pages with the GOV.UK error summary, and the answer to an action the
object's state no longer allows (a second press of the same button, a stale tab)."""

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _

from marketplace.core import ratelimits
from marketplace.core.form_errors import error_list
from marketplace.core.workflow import history


def form_page(request, template, context, status=None):
    forms = [context.get("form")]
    context.setdefault("errors", error_list(*forms))
    if status is None:
        status = 400 if context["errors"] else 200
    return render(request, template, context, status=status)


def refused(request, error, back_url, back_label=None):
    """409 (or 429 when throttled): what happened, and a way back to the page that shows the current state."""
    reasons = error.messages if isinstance(error, ValidationError) else [str(error)]
    status = ratelimits.error_status(error) if isinstance(error, ValidationError) else 409
    return render(
        request,
        "bookings/refused.html",
        {"reasons": reasons, "back_url": back_url, "back_label": back_label or _("Go back")},
        status=409 if status == 400 else status,
    )


def add_service_error(form, error):
    """A service's refusal shown on the form, linked from the error summary."""
    for message in error.messages:
        form.add_error(None, message)


def history_rows(obj, booking):
    """The recorded status changes of `obj` with who did each, as the other side may see it: the supplier by name,
    the person as "the person", a helper as someone acting for them, the site's own jobs as automatic."""
    members = set(booking.supplier.memberships.values_list("user_id", flat=True))
    statuses = dict(type(obj).Status.choices)
    rows = []
    for change in history(obj):
        if change.by_id is None:
            who = _("automatically")
        elif change.by_id in members:
            who = booking.supplier.name
        elif change.by_id == booking.person_id:
            who = _("the person")
        elif change.transition in ("uphold", "void"):
            who = _("an editor")
        else:
            who = _("someone acting for the person")
        rows.append(
            {
                "at": change.at,
                "label": statuses.get(change.to_status, change.to_status),
                "who": who,
                "reason": change.reason,
            }
        )
    return rows
