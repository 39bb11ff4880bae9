"""Inviting someone to act for you, answering an invitation, and ending an arrangement.

Statuses change only through `WORKFLOW` (recorded with who and when). The person invites an address; only someone
signed in with that address, confirmed, may answer; either side may end the arrangement at any time, and it stops
working at the helper's next request (`context.arrangement`).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from marketplace.core import ratelimits
from marketplace.core.accounts import confirmed_emails, main_confirmed_email
from marketplace.core.admin import is_editor
from marketplace.core.emails import queue_email
from marketplace.core.urls_absolute import absolute_url
from marketplace.core.workflow import Transition, Workflow

from .models import Arrangement, Scope

Status = Arrangement.Status
RATE_LIMIT_PURPOSE = "acting-invitation"


def _is_party(user, arrangement):
    return user is not None and user.pk is not None and user.pk in (arrangement.person_id, arrangement.helper_id)


WORKFLOW = Workflow(
    "arrangement",
    [
        Transition("accept", (Status.INVITED,), Status.ACTIVE, label=gettext_lazy("Accept")),
        Transition("decline", (Status.INVITED,), Status.DECLINED, label=gettext_lazy("Decline")),
        Transition(
            "end",
            (Status.INVITED, Status.ACTIVE),
            Status.ENDED,
            label=gettext_lazy("End"),
            may=_is_party,
            refusal=gettext_lazy("This arrangement has already ended."),
        ),
        # An editor stops it at once (a safeguarding concern, say); both sides are told why.
        Transition(
            "editor_end",
            (Status.INVITED, Status.ACTIVE),
            Status.ENDED,
            label=gettext_lazy("End now"),
            may=lambda user, arrangement: user is not None and is_editor(user),
            needs_reason=True,
            refusal=gettext_lazy("This arrangement has already ended."),
            reason_prompt=gettext_lazy("Say why you are ending it: both people will read this."),
        ),
        # The helper deleted their account (`privacy.erase`): nobody took this step, so nobody is recorded.
        Transition("account_deleted", (Status.INVITED, Status.ACTIVE), Status.ENDED),
    ],
)


def _address_of(user):
    return main_confirmed_email(user) or user.email


# --- Inviting ---------------------------------------------------------------------------------------------------


def invite(person, *, email, helper_name, relationship, scopes, basis, until=None):
    """Email `email` a single-use link to act for `person` within `scopes` until `until`.

    Raises ValidationError (for the email field) when the address is the person's own, already has an invitation that
    works or an arrangement in force, or when the person or the address has had enough invitations this hour
    (code "throttled")."""
    email = email.strip()
    if email.lower() in confirmed_emails(person) | {person.email.lower()}:
        raise ValidationError(_("Enter someone else’s email address: this one is yours"), code="own")
    mine = Arrangement.objects.filter(person=person)
    if mine.usable_invitations().filter(invited_email__iexact=email).exists():
        raise ValidationError(
            _("You have already invited %(email)s. You can cancel that invitation and send a new one.")
            % {"email": email},
            code="duplicate",
        )
    if mine.in_force().filter(invited_email__iexact=email).exists():
        raise ValidationError(
            _("%(email)s already acts for you. To change what they may do, end that arrangement and invite them again.")
            % {"email": email},
            code="duplicate",
        )
    if not ratelimits.may_send_from_key(ratelimits.user_key(person), RATE_LIMIT_PURPOSE):
        raise ValidationError(_("You have sent many invitations in the last hour. Try again later."), code="throttled")
    if not ratelimits.may_send_to(email, RATE_LIMIT_PURPOSE):
        raise ValidationError(
            _("We have emailed %(email)s several times in the last hour. Try again later.") % {"email": email},
            code="throttled",
        )
    with transaction.atomic():
        arrangement = Arrangement.objects.create(
            person=person,
            invited_email=email,
            helper_name=helper_name.strip(),
            relationship=relationship.strip(),
            scopes=[value for value in Scope.values if value in scopes],
            basis=basis,
            until=until,
        )
        queue_email(
            "acting/email/invitation",
            email,
            {
                "arrangement": arrangement,
                "person_name": str(person),
                "link": absolute_url(reverse("acting:invitation", args=[arrangement.token])),
            },
        )
    return arrangement


# --- Answering --------------------------------------------------------------------------------------------------


class InvitationUnusable(Exception):
    """Why an invitation cannot be answered: "wrong_email", "own", "used", "expired" or "already"."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def check_answerable(arrangement, user):
    """Raise InvitationUnusable unless `user` may answer the invitation now. The address comes first, so someone else
    learns nothing about the invitation's state."""
    if arrangement.invited_email.lower() not in confirmed_emails(user):
        raise InvitationUnusable("wrong_email")
    if user.pk == arrangement.person_id:
        raise InvitationUnusable("own")
    if arrangement.status != Status.INVITED:
        raise InvitationUnusable("used")
    if not arrangement.invitation_usable():
        raise InvitationUnusable("expired")


def accept(arrangement, user):
    """`user` starts acting for the person, once: a second click, or another tab, changes nothing."""
    with transaction.atomic():
        locked = Arrangement.objects.select_for_update(of=("self",)).select_related("person").get(pk=arrangement.pk)
        check_answerable(locked, user)
        if Arrangement.objects.in_force().filter(person_id=locked.person_id, helper=user).exists():
            raise InvitationUnusable("already")
        now = timezone.now()
        locked.helper = user
        locked.accepted_at = now
        WORKFLOW.apply(locked, "accept", user, update_fields=["helper", "accepted_at"], now=now)
        _tell_person(locked, "acting/email/accepted")
    return locked


def decline(arrangement, user):
    with transaction.atomic():
        locked = Arrangement.objects.select_for_update(of=("self",)).select_related("person").get(pk=arrangement.pk)
        check_answerable(locked, user)
        locked.ended_at = timezone.now()
        WORKFLOW.apply(locked, "decline", user, update_fields=["ended_at"], now=locked.ended_at)
        _tell_person(locked, "acting/email/declined")
    return locked


# --- Ending -----------------------------------------------------------------------------------------------------


def end(arrangement, by):
    """End an arrangement (or withdraw an invitation) at once. Either side may; the other side is told when the
    arrangement had started."""
    if not _is_party(by, arrangement):
        raise PermissionDenied
    with transaction.atomic():
        locked = (
            Arrangement.objects.select_for_update(of=("self",))
            .select_related("person", "helper")
            .get(pk=arrangement.pk)
        )
        was_active = locked.status == Status.ACTIVE
        locked.ended_at = timezone.now()
        locked.ended_by = by
        WORKFLOW.apply(locked, "end", by, update_fields=["ended_at", "ended_by"], now=locked.ended_at)
        if was_active and by.pk == locked.person_id and locked.helper is not None:
            queue_email(
                "acting/email/ended",
                _address_of(locked.helper),
                {"arrangement": locked, "person_name": str(locked.person)},
            )
        elif was_active:
            _tell_person(locked, "acting/email/stopped")
    return locked


def end_by_editor(arrangement, editor, reason):
    """An editor ends an arrangement (or withdraws an invitation) at once, with a reason both sides read by email.

    Raises PermissionDenied for anyone but an editor, ValidationError without a reason or once it has ended."""
    with transaction.atomic():
        locked = (
            Arrangement.objects.select_for_update(of=("self",))
            .select_related("person", "helper")
            .get(pk=arrangement.pk)
        )
        was_active = locked.status == Status.ACTIVE
        locked.ended_at = timezone.now()
        locked.ended_by = editor
        WORKFLOW.apply(
            locked, "editor_end", editor, reason=reason, update_fields=["ended_at", "ended_by"], now=locked.ended_at
        )
        reason = reason.strip()
        queue_email(
            "acting/email/editor_ended_person",
            _address_of(locked.person),
            {"arrangement": locked, "reason": reason, "link": absolute_url(reverse("acting:helpers"))},
        )
        if was_active and locked.helper is not None:
            queue_email(
                "acting/email/editor_ended_helper",
                _address_of(locked.helper),
                {"arrangement": locked, "person_name": str(locked.person), "reason": reason},
            )
    return locked


def end_because_helper_left(arrangement):
    """The helper deleted their account: what they were doing for the person ends, and the person is told."""
    was_active = arrangement.status == Status.ACTIVE
    arrangement.ended_at = timezone.now()
    WORKFLOW.apply(arrangement, "account_deleted", None, update_fields=["ended_at"], now=arrangement.ended_at)
    if was_active:
        _tell_person(arrangement, "acting/email/stopped")


def _tell_person(arrangement, template_prefix):
    queue_email(
        template_prefix,
        _address_of(arrangement.person),
        {"arrangement": arrangement, "link": absolute_url(reverse("acting:helpers"))},
    )
