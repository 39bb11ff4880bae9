"""Status changes declared once, for every model that has a status: listings, checks, reviews, bookings, visits.

A `Workflow` lists its transitions (which states each may start from, the state it leads to, who may take it and
whether a reason is needed). Services change a status only through `Workflow.apply`, which refuses a transition the
object's state or the person does not allow, saves the new state and records who did it and when; screens ask
`Workflow.allowed(obj, user)` which buttons to show instead of repeating the rules.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Transition:
    name: str
    sources: tuple
    target: str
    label: str = ""
    may: Callable | None = None  # may(user, obj) -> bool; None: anyone the service lets through
    needs_reason: bool = False
    refusal: str = ""  # what to say when the state does not allow it (default: a generic sentence)
    reason_prompt: str = ""  # what to say when a reason is needed and missing


class Workflow:
    def __init__(self, name, transitions, *, field="status", record=None):
        self.name = name
        self.field = field
        self.transitions = {transition.name: transition for transition in transitions}
        self.record = record or record_status_change

    def __getitem__(self, name):
        return self.transitions[name]

    def available(self, obj):
        """Transitions the object's current state allows, whoever asks."""
        state = getattr(obj, self.field)
        return [transition for transition in self.transitions.values() if state in transition.sources]

    def allowed(self, obj, user):
        """Transitions `user` may take now: what a screen offers as buttons."""
        return [t for t in self.available(obj) if t.may is None or t.may(user, obj)]

    def can(self, obj, name, user):
        return any(transition.name == name for transition in self.allowed(obj, user))

    def apply(self, obj, name, by, *, reason="", update_fields=(), now=None, save=True):
        """Take transition `name`: check state, person and reason, save (unless the caller saves the object with
        its other changes: `save=False`), record. Returns the transition."""
        transition = self[name]
        state = getattr(obj, self.field)
        if state not in transition.sources:
            message = transition.refusal or _("This cannot be done now: it is “%(state)s”.") % {
                "state": _state_label(obj, self.field)
            }
            raise ValidationError(str(message), code="wrong_state")
        if transition.may is not None and not transition.may(by, obj):
            raise PermissionDenied
        reason = (reason or "").strip()
        if transition.needs_reason and not reason:
            message = transition.reason_prompt or _("Give a reason: the people concerned will see it.")
            raise ValidationError(str(message), code="reason_required")
        setattr(obj, self.field, transition.target)
        if save:
            fields = [self.field, *update_fields]
            if any(field.name == "updated_at" for field in obj._meta.concrete_fields):
                fields.append("updated_at")
            obj.save(update_fields=list(dict.fromkeys(fields)))
        self.record(self, obj, transition, state, by, reason, now or timezone.now())
        return transition


def _state_label(obj, field):
    display = getattr(obj, f"get_{field}_display", None)
    return display() if display else getattr(obj, field)


def record_status_change(workflow, obj, transition, from_state, by, reason, at):
    from .models import StatusChange

    StatusChange.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        workflow=workflow.name,
        transition=transition.name,
        from_status=from_state,
        to_status=transition.target,
        by=by if getattr(by, "pk", None) else None,
        reason=reason,
        at=at,
    )


def history(obj):
    """The recorded status changes of `obj`, oldest first."""
    from .models import StatusChange

    return StatusChange.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).select_related("by")
