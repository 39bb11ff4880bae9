"""The declared status changes of bookings and visits (`marketplace.core.workflow`).

Supplier-side transitions check membership of the booking's supplier and editors' ones the editor permission.
Transitions without `may` are taken either by the person's side, whom only the request can identify (the view
resolves whose behalf it acts on, and needs the "book" scope from a helper, before the service runs), or by the
scheduled jobs (`by` is None)."""

from django.utils.translation import gettext_lazy as _

from marketplace.core.permissions import acts_for
from marketplace.core.workflow import Transition, Workflow

from .models import Booking, CoverRequest, Visit

B = Booking.Status
V = Visit.Status


def _supplier(user, obj):
    booking = obj if isinstance(obj, Booking) else obj.booking
    return acts_for(user, "bookings.act_as_supplier", booking)


def _editor(user, visit):
    return bool(user and user.has_perm("bookings.decide_visit"))


BOOKING_WORKFLOW = Workflow(
    "booking",
    [
        Transition(
            "accept",
            (B.OFFERED,),
            B.ACCEPTED,
            _("Accept the offer"),
            refusal=_("Only an offer waiting for an answer can be accepted."),
        ),
        Transition(
            "decline",
            (B.OFFERED, B.CHANGE_REQUESTED),
            B.DECLINED,
            _("Decline the offer"),
            refusal=_("Only an offer waiting for an answer can be declined."),
        ),
        Transition(
            "request_change",
            (B.OFFERED,),
            B.CHANGE_REQUESTED,
            _("Ask for a change"),
            needs_reason=True,
            refusal=_("Only an offer waiting for an answer can be changed."),
            reason_prompt=_("Say what you would like changed"),
        ),
        Transition(
            "supersede", (B.OFFERED, B.CHANGE_REQUESTED), B.SUPERSEDED, _("Replace with a changed offer"), may=_supplier
        ),
        Transition(
            "withdraw",
            (B.OFFERED, B.CHANGE_REQUESTED),
            B.WITHDRAWN,
            _("Withdraw the offer"),
            may=_supplier,
            refusal=_("Only an offer waiting for an answer can be withdrawn."),
        ),
        Transition("expire", (B.OFFERED, B.CHANGE_REQUESTED), B.EXPIRED),
        Transition("start", (B.ACCEPTED,), B.ACTIVE),
        Transition("end", (B.ACCEPTED, B.ACTIVE), B.ENDED),
        Transition(
            "cancel",
            (B.ACCEPTED, B.ACTIVE),
            B.CANCELLED,
            _("Cancel the booking"),
            needs_reason=True,
            refusal=_("Only an accepted or active booking can be cancelled."),
            reason_prompt=_("Say why you are cancelling: the other side will see it"),
        ),
    ],
)

VISIT_WORKFLOW = Workflow(
    "visit",
    [
        Transition(
            "confirm",
            (V.PLANNED,),
            V.DELIVERED,
            _("Confirm the visit happened"),
            may=_supplier,
            refusal=_("Only a planned visit can be confirmed."),
        ),
        Transition(
            "approve",
            (V.DELIVERED,),
            V.APPROVED,
            _("Approve the visit"),
            refusal=_("Only a delivered visit waiting for approval can be approved."),
        ),
        Transition("auto_approve", (V.DELIVERED,), V.APPROVED),
        Transition(
            "dispute",
            (V.DELIVERED,),
            V.DISPUTED,
            _("Dispute the visit"),
            needs_reason=True,
            refusal=_("Only a delivered visit waiting for approval can be disputed."),
            reason_prompt=_("Say what is wrong with the visit"),
        ),
        # A visit disputed again after the supplier corrected it goes straight to an editor.
        Transition(
            "escalate",
            (V.DELIVERED,),
            V.REFERRED,
            _("Dispute the visit"),
            needs_reason=True,
            refusal=_("Only a delivered visit waiting for approval can be disputed."),
            reason_prompt=_("Say what is wrong with the visit"),
        ),
        Transition(
            "correct",
            (V.DISPUTED,),
            V.DELIVERED,
            _("Correct the times"),
            may=_supplier,
            needs_reason=True,
            refusal=_("Only a disputed visit can be corrected."),
            reason_prompt=_("Say what you corrected"),
        ),
        Transition(
            "withdraw",
            (V.DISPUTED,),
            V.VOID,
            _("Withdraw the visit"),
            may=_supplier,
            refusal=_("Only a disputed visit can be withdrawn."),
        ),
        Transition(
            "refer",
            (V.DISPUTED,),
            V.REFERRED,
            _("Ask an editor to decide"),
            may=_supplier,
            refusal=_("Only a disputed visit can be sent to an editor."),
        ),
        Transition(
            "uphold",
            (V.DISPUTED, V.REFERRED),
            V.APPROVED,
            _("Approve: the visit is to be paid"),
            may=_editor,
            needs_reason=True,
            reason_prompt=_("Write a note for both sides"),
        ),
        Transition(
            "void",
            (V.DISPUTED, V.REFERRED),
            V.VOID,
            _("Not to be paid"),
            may=_editor,
            needs_reason=True,
            reason_prompt=_("Write a note for both sides"),
        ),
        Transition(
            "cancel",
            (V.PLANNED,),
            V.CANCELLED,
            _("Cancel the visit"),
            needs_reason=True,
            refusal=_("Only a planned visit can be cancelled."),
            reason_prompt=_("Say why you are cancelling: the other side will see it"),
        ),
    ],
)

C = CoverRequest.Status

COVER_WORKFLOW = Workflow(
    "cover",
    [
        Transition("take", (C.OPEN,), C.TAKEN, refusal=_("Someone else has already said they can cover this.")),
        Transition(
            "cancel",
            (C.OPEN,),
            C.CANCELLED,
            _("Cancel the request"),
            refusal=_("Only a request still looking for cover can be cancelled."),
        ),
        Transition("expire", (C.OPEN,), C.EXPIRED),
    ],
)
