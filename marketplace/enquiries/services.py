"""What happens in an enquiry: sent, answered, held for an editor, contact details shared, reported, blocked.

Views check who is asking (the person, someone acting for them, or a member of the supplier) and call these; these
keep the rules. Until both sides agree to share contact details, messages go through the same automatic checks as
reviews: a message with a phone number, an email address, a link or abuse waits for an editor instead of being shown.
"""

import statistics
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.core import email_choices, ratelimits
from marketplace.core.permissions import acts_for
from providers.models import Listing
from reviews import checks

from .models import Block, Enquiry, Message, ThreadReport

PERSON = Message.Side.PERSON
SUPPLIER = Message.Side.SUPPLIER
# Flags that only matter while contact details are private: once both sides share theirs, a phone number is fine.
CONTACT_FLAGS = {checks.PHONE, checks.EMAIL, checks.LINK}


@dataclass(frozen=True)
class Request:
    """What a person asks a supplier for, as the enquiry form cleaned it."""

    needs: list
    service_types: list
    area: str
    days: list
    times: list
    start_date: object
    hours_per_week: int | None
    funding_option: object
    language: str
    message: str


def side_of(user, enquiry, principal=None):
    """ "person" when `user` is the person (or acts for them: `principal`), "supplier" when they act for the
    supplier, else None. Someone who is both (a PA enquiring of themself) is refused earlier."""
    if (principal or user).pk == enquiry.person_id:
        return PERSON
    if acts_for(user, "providers.act_for_supplier", enquiry.supplier):
        return SUPPLIER
    return None


def is_blocked(person, supplier):
    return Block.objects.filter(person=person, supplier=supplier).exists()


def _check_limits(person, listing, now):
    day = now - timedelta(days=1)
    if Enquiry.objects.filter(person=person, created_at__gte=day).count() >= settings.ENQUIRIES_PER_PERSON_PER_DAY:
        raise ValidationError(
            _("You have sent %(count)s enquiries today. You can send more tomorrow.")
            % {"count": settings.ENQUIRIES_PER_PERSON_PER_DAY},
            code="throttled",
        )
    hour = now - timedelta(hours=1)
    if Enquiry.objects.filter(listing=listing, created_at__gte=hour).count() >= settings.ENQUIRIES_PER_LISTING_PER_HOUR:
        raise ValidationError(
            _("This listing has had many enquiries in the last hour. Try again later."), code="throttled"
        )


def _flags(text, enquiry):
    flags = checks.check_text(text)
    if enquiry is not None and enquiry.contact_shared:
        flags = [flag for flag in flags if flag not in CONTACT_FLAGS]
    return flags


@transaction.atomic
def send_enquiry(person, listing, request, by, now=None):
    """A new enquiry from `person` (sent by `by`: themself or someone acting for them) about a public listing."""
    now = now or timezone.now()
    listing = Listing.objects.publicly_visible(now).select_related("supplier").filter(pk=listing.pk).first()
    if listing is None:
        raise ValidationError(_("This listing is not taking enquiries."), code="not_public")
    if acts_for(person, "providers.act_for_supplier", listing.supplier):
        raise ValidationError(_("You cannot send an enquiry to your own listing."), code="own_listing")
    if is_blocked(person, listing.supplier):
        # Said plainly to the person who blocked, and the same to one who was blocked: nothing reveals which.
        raise ValidationError(_("You cannot send enquiries to this supplier."), code="blocked")
    _check_limits(person, listing, now)
    enquiry = Enquiry.objects.create(
        person=person,
        created_by=by,
        listing=listing,
        supplier=listing.supplier,
        area=request.area,
        days=request.days,
        times=request.times,
        start_date=request.start_date,
        hours_per_week=request.hours_per_week,
        funding_option=request.funding_option,
        language=request.language,
        created_at=now,
        last_message_at=now,
    )
    enquiry.needs.set(request.needs)
    enquiry.service_types.set(request.service_types)
    message = _post(enquiry, PERSON, by, request.message, now)
    _tell_supplier(enquiry, "new_enquiry", message)
    return enquiry


def _post(enquiry, side, by, body, now):
    flags = _flags(body, enquiry)
    return Message.objects.create(
        enquiry=enquiry,
        side=side,
        sender=by,
        body=body,
        flags=flags,
        status=Message.Status.HELD if flags else Message.Status.SHOWN,
        created_at=now,
    )


@transaction.atomic
def reply(enquiry, side, by, body, now=None):
    """A message in the thread from `side` (sent by `by`). Held for an editor if the checks flag it."""
    now = now or timezone.now()
    enquiry = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
    if enquiry.status != Enquiry.Status.OPEN:
        raise ValidationError(_("This conversation is closed."), code="closed")
    if is_blocked(enquiry.person_id, enquiry.supplier_id):
        raise ValidationError(_("You cannot send messages in this conversation."), code="blocked")
    if not ratelimits.hit("enquiry-message", f"{enquiry.pk}:{side}", settings.MESSAGES_PER_THREAD_PER_HOUR):
        raise ValidationError(_("You have sent many messages in the last hour. Try again later."), code="throttled")
    message = _post(enquiry, side, by, body, now)
    fields = ["last_message_at"]
    enquiry.last_message_at = now
    if side == SUPPLIER and enquiry.first_reply_at is None and message.status == Message.Status.SHOWN:
        enquiry.first_reply_at = now
        fields.append("first_reply_at")
    enquiry.save(update_fields=fields)
    if message.status == Message.Status.SHOWN:
        _tell_other_side(enquiry, side, message)
    return message


EMAIL_TOPIC = "enquiries"


def _tell(user, template, enquiry):
    if user is None:  # the person deleted their account
        return
    language = email_choices.language_of(user)
    context = {
        "enquiry": enquiry,
        "listing": enquiry.listing,
        "thread_url": email_choices.url_in(language, "enquiries:thread", enquiry.pk),
    }
    email_choices.send(user, EMAIL_TOPIC, f"enquiries/email/{template}", context)


def _tell_supplier(enquiry, template, message):
    if message.status != Message.Status.SHOWN:
        return
    for user in enquiry.supplier.members.all():
        _tell(user, template, enquiry)


def _tell_other_side(enquiry, side, message):
    if side == PERSON:
        _tell_supplier(enquiry, "new_message", message)
    else:
        _tell(enquiry.person, "new_message", enquiry)


@transaction.atomic
def share_contact(enquiry, side, now=None):
    """This side agrees to show its contact details; they show to each other once both have agreed."""
    now = now or timezone.now()
    enquiry = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
    field = "person_shares_contact_at" if side == PERSON else "supplier_shares_contact_at"
    if getattr(enquiry, field) is None:
        setattr(enquiry, field, now)
        enquiry.save(update_fields=[field])
        _tell_about_sharing(enquiry, side)
    return enquiry


def _tell_about_sharing(enquiry, side):
    """The other side hears that this side agreed to share, or, when it had already agreed, that both now see the
    other's details."""
    template = "contact_shared" if enquiry.contact_shared else "contact_offered"
    if side == PERSON:
        for user in enquiry.supplier.members.all():
            _tell(user, template, enquiry)
    else:
        _tell(enquiry.person, template, enquiry)


@transaction.atomic
def stop_sharing(enquiry, side):
    enquiry = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
    field = "person_shares_contact_at" if side == PERSON else "supplier_shares_contact_at"
    setattr(enquiry, field, None)
    enquiry.save(update_fields=[field])
    return enquiry


def contact_details(enquiry, side):
    """What one side may see of the other's contact details: nothing until both have agreed."""
    if not enquiry.contact_shared:
        return None
    if side == PERSON:
        listing = enquiry.listing
        return {
            "name": enquiry.supplier.name,
            "email": listing.contact_email or enquiry.supplier.email,
            "phone": listing.contact_phone or enquiry.supplier.phone,
        }
    person = enquiry.person
    return {"name": str(person), "email": person.email, "phone": ""}


def report(enquiry, side, by, reason):
    if ThreadReport.objects.filter(enquiry=enquiry, side=side, status=ThreadReport.Status.OPEN).exists():
        raise ValidationError(_("You have already reported this conversation. An editor will look at it soon."))
    return ThreadReport.objects.create(enquiry=enquiry, side=side, reported_by=by, reason=reason)


@transaction.atomic
def block(enquiry, side, by):
    """Block the other side: no new enquiries or messages between this person and this supplier."""
    Block.objects.get_or_create(
        person_id=enquiry.person_id, supplier_id=enquiry.supplier_id, side=side, defaults={"by": by}
    )
    Enquiry.objects.filter(pk=enquiry.pk).update(status=Enquiry.Status.CLOSED)


def unblock(enquiry, side):
    Block.objects.filter(person_id=enquiry.person_id, supplier_id=enquiry.supplier_id, side=side).delete()


# --- Editors ------------------------------------------------------------------------------------------------------


def _require_editor(user):
    if not user.has_perm("providers.moderate_listing"):
        raise PermissionDenied


@transaction.atomic
def show_message(message, editor, now=None):
    """An editor lets a held message through; it reaches the other side then."""
    _require_editor(editor)
    message = Message.objects.select_for_update(of=("self",)).select_related("enquiry").get(pk=message.pk)
    if message.status == Message.Status.SHOWN:
        return message
    now = now or timezone.now()
    message.status, message.decided_by, message.decided_at = Message.Status.SHOWN, editor, now
    message.save(update_fields=["status", "decided_by", "decided_at"])
    enquiry = message.enquiry
    if message.side == SUPPLIER and enquiry.first_reply_at is None:
        Enquiry.objects.filter(pk=enquiry.pk).update(first_reply_at=message.created_at)
    if enquiry.messages.filter(status=Message.Status.SHOWN).count() == 1 and message.side == PERSON:
        _tell_supplier(enquiry, "new_enquiry", message)
    else:
        _tell_other_side(enquiry, message.side, message)
    return message


@transaction.atomic
def remove_message(message, editor, now=None):
    _require_editor(editor)
    now = now or timezone.now()
    Message.objects.filter(pk=message.pk).update(status=Message.Status.REMOVED, decided_by=editor, decided_at=now)


@transaction.atomic
def close_report(report, editor, note="", now=None):
    """An editor records what they did about a reported conversation; a report is closed once."""
    _require_editor(editor)
    report = ThreadReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ThreadReport.Status.OPEN:
        raise ValidationError(_("Another editor has already closed this report."), code="closed")
    report.status, report.decided_by, report.decided_at = ThreadReport.Status.CLOSED, editor, now or timezone.now()
    report.decision_note = note[:2000]
    report.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    return report


# --- How quickly a supplier replies -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReplyRecord:
    enquiries: int
    answered: int
    median_hours: float | None  # None until there are enough enquiries to say

    @property
    def answered_share(self):
        return round(100 * self.answered / self.enquiries) if self.enquiries else None


def reply_record(supplier, now=None):
    """How quickly `supplier` usually replies: the median time to a first reply over the last 90 days, from at least
    `REPLY_TIME_MIN_ENQUIRIES` enquiries, and how many of them it answered. Enquiries younger than a day that have no
    reply yet are left out (nobody has had a fair chance to answer)."""
    now = now or timezone.now()
    since = now - timedelta(days=settings.REPLY_TIME_WINDOW_DAYS)
    rows = list(
        Enquiry.objects.filter(supplier=supplier, created_at__gte=since).values_list("created_at", "first_reply_at")
    )
    rows = [(created, replied) for created, replied in rows if replied or created <= now - timedelta(days=1)]
    answered = [(replied - created).total_seconds() / 3600 for created, replied in rows if replied]
    median = statistics.median(answered) if len(rows) >= settings.REPLY_TIME_MIN_ENQUIRIES and answered else None
    return ReplyRecord(enquiries=len(rows), answered=len(answered), median_hours=median)
