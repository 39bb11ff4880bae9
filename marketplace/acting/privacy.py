"""People acting for someone, in a person's data (`marketplace.core.privacy`): the arrangements they made and the log
of what was done in their name; the arrangements under which they act for others and what they did; invitations to
their confirmed addresses.

Erasing a person's account deletes their arrangements and their log. Erasing a helper's account ends what they were
doing for others at once and removes everything that names them (the name and address the person typed, the link to
their account), while each person keeps the record of what was done in their name."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from marketplace.core.accounts import addressed_to
from marketplace.core.models import StatusChange
from marketplace.core.privacy import iso

from .models import Arrangement, LogEntry
from .services import end_because_helper_left


def _arrangement(arrangement, other):
    return {
        other: str(arrangement.person) if other == "person" else arrangement.helper_name,
        "invited_email": arrangement.invited_email,
        "relationship": arrangement.relationship,
        "scopes": list(arrangement.scopes),
        "basis": arrangement.basis,
        "until": iso(arrangement.until),
        "status": arrangement.status,
        "invited_at": iso(arrangement.created_at),
        "accepted_at": iso(arrangement.accepted_at),
        "ended_at": iso(arrangement.ended_at),
    }


def _entry(entry, **extra):
    return {**extra, "scope": entry.scope, "action": entry.action, "url": entry.url, "at": iso(entry.at)}


def export(user, emails):
    yours = Arrangement.objects.filter(person=user).order_by("pk")
    theirs = (
        Arrangement.objects.filter(Q(helper=user) | (Q(helper__isnull=True) & addressed_to(emails, "invited_email")))
        .select_related("person")
        .order_by("pk")
    )
    return {
        "people_who_act_for_you": [_arrangement(arrangement, "helper") for arrangement in yours],
        "people_you_act_for": [_arrangement(arrangement, "person") for arrangement in theirs],
        "actions_in_your_name": [
            _entry(entry, by=entry.arrangement.helper_name)
            for entry in LogEntry.objects.filter(person=user).select_related("arrangement").order_by("at", "pk")
        ],
        "actions_you_took_for_others": [
            _entry(entry, for_person=str(entry.person))
            for entry in LogEntry.objects.filter(actor=user).select_related("person").order_by("at", "pk")
        ],
    }


def erase(user, emails):
    yours = Arrangement.objects.filter(person=user)
    StatusChange.objects.filter(
        content_type=ContentType.objects.get_for_model(Arrangement), object_id__in=yours.values("pk")
    ).delete()
    yours.delete()  # their log goes with them
    as_helper = Arrangement.objects.filter(
        Q(helper=user) | (Q(helper__isnull=True) & addressed_to(emails, "invited_email"))
    )
    for arrangement in as_helper.filter(status__in=[Arrangement.Status.ACTIVE, Arrangement.Status.INVITED]):
        end_because_helper_left(arrangement)
    as_helper.update(helper=None, helper_name="", relationship="", invited_email="")
    LogEntry.objects.filter(actor=user).update(actor=None)
