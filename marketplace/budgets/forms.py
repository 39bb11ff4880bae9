"""The holder's forms. Amounts are typed in pounds and kept in pence; every refusal says what to do instead."""

import datetime
import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from marketplace.bookings.money import pence
from marketplace.core.fields import radio_field
from providers.photos import clean_photo

from . import councils
from .models import Entry, HeldAs, ManagedBy, Period

MAX_PENCE = 100_000_000  # £1,000,000: more than any personal budget, and a typo guard


AMOUNT = re.compile(r"\d{1,7}(\.\d{1,2})?")


def _amount(text, *, required_message):
    text = (text or "").strip().replace(",", "").removeprefix("£").strip()
    if not text:
        raise ValidationError(required_message, code="required")
    if text.startswith("-") and AMOUNT.fullmatch(text[1:].strip()):
        raise ValidationError(_("Enter an amount more than £0."), code="min")
    if re.fullmatch(r"\d+\.\d{3,}", text):
        raise ValidationError(_("Enter the amount in pounds and pence, with no more than 2 decimal places."))
    if re.fullmatch(r"\d{8,}(\.\d*)?", text):
        raise ValidationError(_("Enter an amount of £1,000,000 or less."), code="max")
    if not AMOUNT.fullmatch(text):
        raise ValidationError(_("Enter the amount in pounds, like 1250 or 312.50."), code="invalid")
    amount = pence(text)
    if amount <= 0:
        raise ValidationError(_("Enter an amount more than £0."), code="min")
    if amount > MAX_PENCE:
        raise ValidationError(_("Enter an amount of £1,000,000 or less."), code="max")
    return amount


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class BudgetForm(forms.Form):
    amount = forms.CharField(
        label=gettext_lazy("Amount for each period, in pounds"),
        help_text=gettext_lazy("For example, 1250 or 312.50"),
        max_length=20,
        required=False,
    )
    period = radio_field(
        gettext_lazy("How often the amount comes"),
        Period.choices,
        gettext_lazy("Choose how often the amount comes."),
    )
    start_date = forms.DateField(
        label=gettext_lazy("Start date"),
        help_text=gettext_lazy("The first day of the first period, for example 2026-04-01"),
        widget=DateInput(),
        error_messages={
            "required": gettext_lazy("Enter the start date."),
            "invalid": gettext_lazy("Enter the start date as a real date, for example 2026-04-01."),
        },
    )
    held_as = radio_field(
        gettext_lazy("How the budget is held"),
        HeldAs.choices,
        gettext_lazy("Choose how the budget is held."),
    )
    managed_by = radio_field(
        gettext_lazy("Who manages it"),
        ManagedBy.choices,
        gettext_lazy("Choose who manages the budget."),
    )
    council = forms.ChoiceField(
        label=gettext_lazy("Council"),
        help_text=gettext_lazy("The council that gave or assessed the budget."),
        error_messages={
            "required": gettext_lazy("Choose the council."),
            "invalid_choice": gettext_lazy("Choose the council from the list."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].choices = [("", _("Choose a council")), *councils.choices()]

    def clean_amount(self):
        return _amount(self.cleaned_data.get("amount"), required_message=_("Enter the amount for each period."))

    def clean_start_date(self):
        day = self.cleaned_data["start_date"]
        today = timezone.localdate()
        if day.year < 2000 or day > today + datetime.timedelta(days=366):
            raise ValidationError(_("Enter a start date between 2000 and a year from today."), code="range")
        return day


class SpendingForm(forms.Form):
    kind = radio_field(
        gettext_lazy("What kind of spending"),
        [(kind.value, kind.label) for kind in Entry.BY_HAND],
        gettext_lazy("Choose what kind of spending this was."),
    )
    amount = forms.CharField(
        label=gettext_lazy("Amount, in pounds"),
        help_text=gettext_lazy("For example, 96.40"),
        max_length=20,
        required=False,
    )
    occurred_on = forms.DateField(
        label=gettext_lazy("Date"),
        help_text=gettext_lazy("The day the money was paid, for example 2026-11-27"),
        widget=DateInput(),
        error_messages={
            "required": gettext_lazy("Enter the date the money was paid."),
            "invalid": gettext_lazy("Enter the date as a real date, for example 2026-11-27."),
        },
    )
    description = forms.CharField(
        label=gettext_lazy("What it was for"),
        max_length=200,
        error_messages={
            "required": gettext_lazy("Say what the money was for."),
            "max_length": gettext_lazy("Say what it was for in 200 characters or fewer."),
        },
    )
    supplier_name = forms.CharField(
        label=gettext_lazy("Paid to (optional)"),
        max_length=200,
        required=False,
        error_messages={"max_length": gettext_lazy("Enter who was paid in 200 characters or fewer.")},
    )
    receipt = forms.FileField(
        label=gettext_lazy("Photo of the receipt (optional)"),
        help_text=gettext_lazy(
            "A JPEG, PNG or WebP image. Only you, people acting for you with money, and your council if you share, "
            "can see it."
        ),
        required=False,
        error_messages={"invalid": gettext_lazy("The receipt could not be read. Choose the file again.")},
    )

    def clean_amount(self):
        return _amount(self.cleaned_data.get("amount"), required_message=_("Enter how much was spent."))

    def clean_occurred_on(self):
        day = self.cleaned_data["occurred_on"]
        if day > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future."), code="future")
        if day.year < 2000:
            raise ValidationError(_("Enter a date in 2000 or later."), code="range")
        return day

    def clean_description(self):
        return _no_control_characters(self.cleaned_data["description"])

    def clean_supplier_name(self):
        return _no_control_characters(self.cleaned_data["supplier_name"])

    def clean_receipt(self):
        receipt = self.cleaned_data.get("receipt")
        if not receipt:
            return None
        try:
            return clean_photo(receipt)
        except ValidationError as error:
            # Photos' messages talk about "the photo": the same checks, in a receipt's words.
            raise ValidationError(
                _("The receipt must be a JPEG, PNG or WebP image smaller than %(size)s MB.")
                % {"size": f"{settings.LISTING_PHOTO_MAX_BYTES / (1024 * 1024):.0f}"},
                code=error.code,
            ) from None


def _no_control_characters(text):
    if any(ord(character) < 32 or 0x7F <= ord(character) < 0xA0 for character in text):
        raise ValidationError(_("Remove the invisible control characters from this answer."), code="control")
    return text.strip()


class ConfirmForm(forms.Form):
    """A button with nothing to fill in."""


class CorrectForm(forms.Form):
    entry = forms.IntegerField(min_value=1, max_value=2**62, widget=forms.HiddenInput)
