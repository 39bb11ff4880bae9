"""Forms for offers, answers, visit times, cancellations, cover and email choices. Each turns what people typed
into plain values (pence, aware datetimes) or a translated error on the field; the services do the rest."""

import re
from datetime import datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.core.fields import radio_field
from providers.forms import TermChoiceField
from providers.models import Need, RateCardItem

from .models import Booking
from .models.bookings import MAX_NOTICE_HOURS
from .money import pence
from .offers import ItemDraft, OfferDraft, one_off
from .schedule import SlotTimes, span

MAX_PENCE = 500_000  # £5,000, as rate cards
MAX_DAYS_AHEAD = 366
MAX_WEEKS = 104
PRICE = re.compile(r"^£?\s*(\d{1,7})(?:\.(\d{1,2}))?$")
WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


def date_field(label, required=True, help_text=""):
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Enter the date"), "invalid": _("Enter a real date, like 2027-03-31")},
    )


def time_field(label, required=True):
    return forms.TimeField(
        label=label,
        required=required,
        input_formats=["%H:%M", "%H:%M:%S"],
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": _("Enter the time"), "invalid": _("Enter a real time, like 09:30")},
    )


def words_field(label, required, required_message, max_length=2000, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": required_message,
            "max_length": _("Write %(limit_value)d characters or fewer"),
        },
    )


def parse_price(text):
    """'18.50' or '£18.50' to pence; a ValidationError in words otherwise."""
    match = PRICE.match((text or "").strip().replace(",", ""))
    if not match:
        raise forms.ValidationError(_("Enter the price as a number, like 18.50"))
    amount = pence(f"{match.group(1)}.{match.group(2) or '0'}")
    if amount <= 0:
        raise forms.ValidationError(_("Enter a price more than £0"))
    if amount > MAX_PENCE:
        raise forms.ValidationError(_("Enter a price of £5,000 or less"))
    return amount


def _check_start(field_errors, name, day, today):
    if day is None:
        return
    if day < today:
        field_errors[name] = _("The date must be today or later")
    elif day > today + timedelta(days=MAX_DAYS_AHEAD):
        field_errors[name] = _("The date must be within a year from today")


class OfferForm(forms.Form):
    kind = radio_field(
        _("How often"),
        Booking.Kind.choices,
        _("Choose one visit or every week"),
    )
    start_date = date_field(_("Date of the visit, or the first day"), help_text=_("For example, 2027-03-31"))
    end_date = date_field(_("Last day (weekly only)"), required=False, help_text=_("Leave empty if it has no end"))
    start_time = time_field(_("Start time (one visit)"), required=False)
    end_time = time_field(_("End time (one visit)"), required=False)
    notice_hours = forms.IntegerField(
        label=_("Notice needed to cancel a visit, in hours"),
        min_value=0,
        max_value=MAX_NOTICE_HOURS,
        initial=24,
        error_messages={
            "required": _("Enter the notice needed, in hours"),
            "invalid": _("Enter the notice as a whole number of hours"),
            "min_value": _("Enter 0 hours or more"),
            "max_value": _("Enter %(limit_value)s hours or fewer"),
        },
    )
    charge_percent = forms.IntegerField(
        label=_("Charge for a later cancellation, as a percentage of the visit"),
        min_value=0,
        max_value=100,
        initial=100,
        error_messages={
            "required": _("Enter the charge, from 0 to 100"),
            "invalid": _("Enter the charge as a whole number from 0 to 100"),
            "min_value": _("Enter the charge as a whole number from 0 to 100"),
            "max_value": _("Enter the charge as a whole number from 0 to 100"),
        },
    )
    expires_on = date_field(_("The person should answer by"), help_text=_("On or before the first day"))
    message = words_field(_("Message with the offer (optional)"), False, "")
    extra_description = forms.CharField(
        label=_("Something else agreed (optional)"),
        required=False,
        max_length=120,
        error_messages={"max_length": _("Write %(limit_value)d characters or fewer")},
    )
    extra_unit = forms.ChoiceField(
        label=_("Unit"),
        choices=RateCardItem.Unit.choices,
        required=False,
        error_messages={"invalid_choice": _("Choose a unit from the list")},
    )
    extra_price = forms.CharField(
        label=_("Price (£)"),
        required=False,
        max_length=20,
        error_messages={"max_length": _("Enter the price as a number, like 18.50")},
    )
    extra_reason = forms.CharField(
        label=_("Why this price"),
        required=False,
        max_length=300,
        error_messages={"max_length": _("Write %(limit_value)d characters or fewer")},
    )

    def __init__(self, *args, rates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.rates = list(rates)
        if not self.is_bound:
            today = timezone.localdate()
            self.initial.setdefault("expires_on", today + timedelta(days=7))
        for rate in self.rates:
            self.fields[f"rate_{rate.pk}"] = forms.BooleanField(label=rate.description, required=False)
            self.fields[f"price_{rate.pk}"] = forms.CharField(
                label=_("Agreed price for “%(item)s” (£, optional)") % {"item": rate.description},
                required=False,
                max_length=20,
                error_messages={"max_length": _("Enter the price as a number, like 18.50")},
            )
            self.fields[f"reason_{rate.pk}"] = forms.CharField(
                label=_("Why the price differs from your rate card"),
                required=False,
                max_length=300,
                error_messages={"max_length": _("Write %(limit_value)d characters or fewer")},
            )
        for day, label in WEEKDAYS:
            self.fields[f"day_{day}"] = forms.BooleanField(label=label, required=False)
            self.fields[f"day_{day}_start"] = time_field(_("Start time on %(day)s") % {"day": label}, required=False)
            self.fields[f"day_{day}_end"] = time_field(_("End time on %(day)s") % {"day": label}, required=False)

    def rate_rows(self):
        return [
            {
                "rate": rate,
                "include": self[f"rate_{rate.pk}"],
                "price": self[f"price_{rate.pk}"],
                "reason": self[f"reason_{rate.pk}"],
            }
            for rate in self.rates
        ]

    def day_rows(self):
        return [
            {
                "label": label,
                "tick": self[f"day_{day}"],
                "start": self[f"day_{day}_start"],
                "end": self[f"day_{day}_end"],
            }
            for day, label in WEEKDAYS
        ]

    def clean(self):
        cleaned = super().clean()
        errors = {}
        items = self._items(cleaned, errors)
        slots = self._slots(cleaned, errors)
        today = timezone.localdate()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        _check_start(errors, "start_date", start, today)
        if cleaned.get("kind") == Booking.Kind.WEEKLY and start and end:
            if end < start:
                errors["end_date"] = _("The last day must be on or after the first day")
            elif end > start + timedelta(weeks=MAX_WEEKS):
                errors["end_date"] = _("A booking can run for two years at most: make a new one after that")
        expires_on = cleaned.get("expires_on")
        if expires_on and expires_on < today:
            errors["expires_on"] = _("The date must be today or later")
        elif expires_on and start and expires_on > start:
            errors["expires_on"] = _("The answer date must be on or before the first day")
        for name, message in errors.items():
            if name not in self.errors:
                self.add_error(name, message)
        if self.errors:
            return cleaned
        first_start = (
            min(span(start, slot.start_time, slot.end_time)[0] for slot in slots)
            if cleaned["kind"] == Booking.Kind.ONE_OFF
            else None
        )
        expires_at = timezone.make_aware(datetime.combine(expires_on, time(23, 59)))
        if first_start:
            expires_at = min(expires_at, first_start)
        if expires_at <= timezone.now():
            self.add_error("expires_on", _("The answer date must leave the person time to answer"))
            return cleaned
        self.offer = OfferDraft(
            kind=cleaned["kind"],
            start_date=start,
            end_date=end if cleaned["kind"] == Booking.Kind.WEEKLY else start,
            slots=tuple(slots),
            items=tuple(items),
            notice_hours=cleaned["notice_hours"],
            charge_percent=cleaned["charge_percent"],
            expires_at=expires_at,
            message=(cleaned.get("message") or "").strip(),
        )
        return cleaned

    def _items(self, cleaned, errors):
        items = []
        for rate in self.rates:
            if not cleaned.get(f"rate_{rate.pk}"):
                continue
            listed = pence(rate.amount)
            amount, reason = listed, (cleaned.get(f"reason_{rate.pk}") or "").strip()
            typed = (cleaned.get(f"price_{rate.pk}") or "").strip()
            if typed:
                try:
                    amount = parse_price(typed)
                except forms.ValidationError as error:
                    errors[f"price_{rate.pk}"] = error.messages[0]
                    continue
            if amount != listed and not reason:
                errors[f"reason_{rate.pk}"] = _("Say why the price differs from your rate card")
                continue
            items.append(ItemDraft(rate, rate.description, rate.unit, amount, reason if amount != listed else ""))
        description = (cleaned.get("extra_description") or "").strip()
        typed = (cleaned.get("extra_price") or "").strip()
        if description or typed:
            if not description:
                errors["extra_description"] = _("Say what the agreed item is for")
            try:
                amount = parse_price(typed)
            except forms.ValidationError as error:
                errors["extra_price"] = error.messages[0]
                amount = None
            reason = (cleaned.get("extra_reason") or "").strip()
            if not reason:
                errors["extra_reason"] = _("Say why you agreed this price")
            if description and amount and reason:
                items.append(
                    ItemDraft(None, description, cleaned.get("extra_unit") or RateCardItem.Unit.HOUR, amount, reason)
                )
        if not items and not errors:
            anchor = f"rate_{self.rates[0].pk}" if self.rates else "extra_description"
            errors[anchor] = _("Choose at least one thing from your rate card, or add something else agreed")
        return items

    def _slots(self, cleaned, errors):
        kind = cleaned.get("kind")
        if kind == Booking.Kind.ONE_OFF:
            start, end = cleaned.get("start_time"), cleaned.get("end_time")
            if start is None and "start_time" not in self.errors:
                errors["start_time"] = _("Enter the start time")
            if end is None and "end_time" not in self.errors:
                errors["end_time"] = _("Enter the end time")
            if start and end and start == end:
                errors["end_time"] = _("The end time must be different from the start time")
            day = cleaned.get("start_date")
            return list(one_off(day, start, end)) if day and start and end and start != end else []
        if kind != Booking.Kind.WEEKLY:
            return []
        slots = []
        for day, _label in WEEKDAYS:
            if not cleaned.get(f"day_{day}"):
                continue
            start, end = cleaned.get(f"day_{day}_start"), cleaned.get(f"day_{day}_end")
            if start is None and f"day_{day}_start" not in self.errors:
                errors[f"day_{day}_start"] = _("Enter the start time")
            if end is None and f"day_{day}_end" not in self.errors:
                errors[f"day_{day}_end"] = _("Enter the end time")
            if start and end and start == end:
                errors[f"day_{day}_end"] = _("The end time must be different from the start time")
            elif start and end:
                slots.append(SlotTimes(day, start, end))
        if (
            not slots
            and not any(name.startswith("day_") for name in errors)
            and not any(name.startswith("day_") for name in self.errors)
        ):
            errors["day_0"] = _("Choose at least one day of the week")
        return slots


class ReasonForm(forms.Form):
    reason = words_field(_("Reason"), True, _("Give a reason"))

    def __init__(self, *args, label=None, required=True, required_message=None, help_text="", **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["reason"]
        field.label = label or field.label
        field.required = required
        field.help_text = help_text
        if required_message:
            field.error_messages["required"] = required_message

    @property
    def text(self):
        return (self.cleaned_data.get("reason") or "").strip()


class VisitTimesForm(forms.Form):
    date = date_field(_("Date the visit started"))
    start_time = time_field(_("Start time"))
    end_time = time_field(
        _("End time"),
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _("Write %(limit_value)d characters or fewer"),
            "required": _("Say what you corrected"),
        },
    )

    def __init__(self, *args, visit=None, note_required=False, **kwargs):
        if visit is not None and not kwargs.get("initial"):
            start = timezone.localtime(visit.actual_start or visit.starts_at)
            end = timezone.localtime(visit.actual_end or visit.ends_at)
            kwargs["initial"] = {"date": start.date(), "start_time": start.time(), "end_time": end.time()}
        super().__init__(*args, **kwargs)
        if note_required:
            self.fields["note"].required = True
            self.fields["note"].label = _("What you corrected, for the person")

    def clean(self):
        cleaned = super().clean()
        day, start, end = cleaned.get("date"), cleaned.get("start_time"), cleaned.get("end_time")
        if day and start and end:
            if start == end:
                self.add_error("end_time", _("The end time must be different from the start time"))
            else:
                cleaned["start"], cleaned["end"] = span(day, start, end)
        return cleaned


class CoverForm(forms.Form):
    date = date_field(_("Date"))
    start_time = time_field(_("Start time"))
    end_time = time_field(_("End time"))
    needs = TermChoiceField(
        Need, label=_("Support needed for"), help_text=_("Only suppliers who meet every need you tick are asked")
    )
    notes = forms.CharField(
        label=_("Anything else the supplier should know (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Do not give your address or phone number here: they are shared only when you both agree"),
        error_messages={"max_length": _("Write %(limit_value)d characters or fewer")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["needs"].prepare()
        self.fields["needs"].error_messages["invalid_choice"] = _("Choose needs from the list")
        self.fields["needs"].error_messages["invalid_pk_value"] = _("Choose needs from the list")

    def clean(self):
        cleaned = super().clean()
        day, start, end = cleaned.get("date"), cleaned.get("start_time"), cleaned.get("end_time")
        today = timezone.localdate()
        if day and day < today:
            self.add_error("date", _("The date must be today or later"))
        elif day and day > today + timedelta(days=60):
            self.add_error("date", _("Short-notice cover is for the next 60 days"))
        if start and end and start == end:
            self.add_error("end_time", _("The end time must be different from the start time"))
        return cleaned


def weekday_name(day):
    return dict(WEEKDAYS)[day]
