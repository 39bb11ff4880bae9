import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.core.fields import radio_field

from .models import Basis, Scope

# What the person types about their helper goes into an email to a stranger's address: no links, addresses or markup.
NOT_A_NAME = re.compile(r"https?:|www\.|@|[<>]|\b[\w-]+\.(com|net|org|uk|info|io|ly|ru|xyz)\b", re.IGNORECASE)
YEARS_AHEAD = 50

SCOPE_HINTS = {
    Scope.ENQUIRE: _("Search for support, keep a shortlist and send enquiries to suppliers in your name."),
    Scope.MESSAGES: _("Read your messages with suppliers and reply to them. Nobody reads them unless you choose this."),
    Scope.BOOK: _("Accept or decline offers, agree bookings, and approve or question visits."),
    Scope.MONEY: _("See your budget and pay for support from it."),
}


def _text_field(label, required_message, max_length=80, help_text=""):
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=max_length,
        # About someone else: the browser must not fill in the person's own details.
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={
            "required": required_message,
            "max_length": _("Write %(limit_value)d characters or fewer"),
        },
    )


def _date_part(label):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1,
        error_messages={
            "invalid": _("Enter the date as numbers, like 31 3 2027"),
            "min_value": _("Enter the date as numbers, like 31 3 2027"),
        },
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Their email address"),
        help_text=_("We will email them a link. To accept, they sign in or create an account with this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter their email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )
    helper_name = _text_field(_("Their name"), _("Enter their name"))
    relationship = _text_field(
        _("Who they are to you"),
        _("Say who they are to you, like daughter, carer, advocate or broker"),
        help_text=_("For example, daughter, carer, advocate or broker"),
    )
    scopes = forms.MultipleChoiceField(
        label=_("What may they do for you?"),
        help_text=_("Choose only what they need. Choose at least one."),
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one thing they may do for you"),
            "invalid_choice": _("Choose only from the list"),
        },
    )
    basis = radio_field(
        _("On what basis do they act for you?"),
        Basis.choices,
        _("Choose on what basis they act for you"),
        _("Choose one of the options"),
    )
    until_day = _date_part(_("Day"))
    until_month = _date_part(_("Month"))
    until_year = _date_part(_("Year"))

    def clean_helper_name(self):
        return self._plain_words("helper_name")

    def clean_relationship(self):
        return self._plain_words("relationship")

    def _plain_words(self, name):
        value = " ".join(self.cleaned_data[name].split())
        if not value:
            raise ValidationError(self.fields[name].error_messages["required"])
        if NOT_A_NAME.search(value):
            raise ValidationError(_("Write words only, without links, email addresses or the signs < and >"))
        return value

    def clean(self):
        cleaned = super().clean()
        parts = [cleaned.get(f"until_{part}") for part in ("day", "month", "year")]
        if any(f"until_{part}" in self.errors for part in ("day", "month", "year")):
            return cleaned
        if all(part is None for part in parts):
            cleaned["until"] = None
            return cleaned
        if any(part is None for part in parts):
            self.add_error("until_day", _("Enter a full date with a day, month and year, or leave all three empty"))
            return cleaned
        day, month, year = parts
        today = timezone.localdate()
        if year > today.year + YEARS_AHEAD:
            self.add_error("until_day", _("Enter a date in the next %(years)d years") % {"years": YEARS_AHEAD})
            return cleaned
        try:
            until = date(year, month, day)
        except (ValueError, OverflowError):
            self.add_error("until_day", _("Enter a real date, like 31 3 2027"))
            return cleaned
        if until < today:
            self.add_error("until_day", _("The date must be today or later"))
            return cleaned
        cleaned["until"] = until
        return cleaned

    def scope_options(self):
        """Each scope's checkbox with its hint, for the template."""
        chosen = set(self["scopes"].value() or [])
        return [
            {"value": value, "label": label, "hint": SCOPE_HINTS[value], "checked": value in chosen}
            for value, label in Scope.choices
        ]


class AnswerForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", _("Accept")), ("decline", _("Decline"))],
        error_messages={
            "required": _("Choose whether to accept or decline"),
            "invalid_choice": _("Choose whether to accept or decline"),
        },
    )


class SwitchForm(forms.Form):
    """Whom the helper acts for: themself ("self") or one of the people whose arrangement with them is in force."""

    SELF = "self"

    act_for = radio_field(
        _("Who are you acting for?"),
        (),
        _("Choose who you are acting for"),
        _("Choose someone from the list"),
    )

    def __init__(self, *args, arrangements, **kwargs):
        super().__init__(*args, **kwargs)
        self.arrangements = {str(arrangement.pk): arrangement for arrangement in arrangements}
        self.fields["act_for"].choices = [(self.SELF, _("Yourself"))] + [
            (key, str(arrangement.person)) for key, arrangement in self.arrangements.items()
        ]

    def chosen(self):
        """The chosen arrangement, or None for acting for oneself."""
        return self.arrangements.get(self.cleaned_data["act_for"])
