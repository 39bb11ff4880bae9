"""The enquiry form (short and plain, with an easy-read layout of the same questions) and the thread's forms."""

from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from marketplace.geography import places
from providers.forms import TermChoiceField, TermLabels
from providers.models import AvailabilitySlot, FundingOption, Language, Need, ServiceType

from .models import DayTime
from .services import Request

MESSAGE_MIN, MESSAGE_MAX = 10, 3000


def message_field(label, help_text=""):
    return forms.CharField(
        label=label,
        help_text=help_text,
        min_length=MESSAGE_MIN,
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Write your message"),
            "min_length": _("Write at least %(limit_value)d characters"),
            "max_length": _("Write %(limit_value)d characters or fewer (you have written %(show_value)d)"),
        },
    )


class TermChoice(TermLabels, forms.ModelChoiceField):
    """One taxonomy term, labelled in the reader's language."""


class EnquiryForm(forms.Form):
    needs = TermChoiceField(Need, label=_("What is the support for?"))
    service_types = TermChoiceField(ServiceType, label=_("What kind of support?"))
    area = forms.CharField(
        label=_("Roughly where is the support needed?"),
        help_text=_("The first part of the postcode, like EH6, or a town. We do not share a full address."),
        max_length=60,
        error_messages={"required": _("Enter the first part of the postcode, or a town")},
    )
    days = forms.MultipleChoiceField(
        label=_("Which days?"),
        required=False,
        choices=AvailabilitySlot.Day.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    times = forms.MultipleChoiceField(
        label=_("What times of day?"), required=False, choices=DayTime.choices, widget=forms.CheckboxSelectMultiple
    )
    start_date = forms.DateField(
        label=_("From when? (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a date, like 2027-02-01")},
    )
    hours_per_week = forms.IntegerField(
        label=_("About how many hours a week? (optional)"),
        required=False,
        min_value=1,
        max_value=168,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": _("Enter the hours as a whole number, like 10"),
            "min_value": _("Enter at least 1 hour"),
            "max_value": _("A week has 168 hours: enter fewer"),
        },
    )
    funding_option = TermChoice(
        FundingOption,
        label=_("How will it be paid for? (optional)"),
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose how it will be paid for from the list")},
    )
    language = TermChoice(
        Language,
        label=_("Which language should they use with you?"),
        required=False,
        error_messages={"invalid_choice": _("Choose a language from the list")},
    )
    message = message_field(
        _("Your message"),
        _("Say what would help, in your own words. Do not include your phone number or email address yet."),
    )

    def __init__(self, *args, listing, **kwargs):
        super().__init__(*args, **kwargs)
        self.listing = listing
        for name in ("needs", "service_types", "funding_option", "language"):
            self.fields[name].prepare()
        for name in ("needs", "service_types"):
            # Only what this listing offers: asking a supplier for what it does not do helps nobody.
            offered = getattr(listing, name).values_list("translation_key", flat=True)
            self.fields[name].queryset = self.fields[name].queryset.filter(translation_key__in=offered)
        self.fields["funding_option"].empty_label = None
        if not self.is_bound:
            code = translation.get_language()
            preferred = self.fields["language"].queryset.filter(code=code).first()
            if preferred is not None:
                self.initial.setdefault("language", preferred.pk)

    def clean_area(self):
        text = " ".join(self.cleaned_data["area"].split())
        resolution = places.resolve(text)
        if not resolution.locations:
            raise ValidationError(
                _("We cannot find “%(place)s”. Enter the first part of a postcode, like EH6, or a town.")
                % {"place": text}
            )
        location = resolution.locations[0]
        if location.kind == "postcode":
            return places.outward_code(location.label) or location.label  # never a full postcode
        return location.label

    def clean_start_date(self):
        start = self.cleaned_data.get("start_date")
        today = timezone.localdate()
        if start and start < today:
            raise ValidationError(_("The start date cannot be in the past"))
        if start and start > today + timedelta(days=730):
            raise ValidationError(_("Choose a start date in the next two years"))
        return start

    def request(self):
        data = self.cleaned_data
        language = data.get("language")
        return Request(
            needs=list(data["needs"]),
            service_types=list(data["service_types"]),
            area=data["area"],
            days=sorted(int(day) for day in data["days"]),
            times=list(data["times"]),
            start_date=data.get("start_date"),
            hours_per_week=data.get("hours_per_week"),
            funding_option=data.get("funding_option"),
            language=(language.code or language.slug) if language else translation.get_language(),
            message=data["message"].strip(),
        )


class MessageForm(forms.Form):
    body = message_field(_("Your message"))


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong?"),
        help_text=_("An editor reads this. Say what happened; they may look at the conversation."),
        min_length=10,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Tell the editor what is wrong"),
            "min_length": _("Write at least %(limit_value)d characters"),
            "max_length": _("Write %(limit_value)d characters or fewer"),
        },
    )
