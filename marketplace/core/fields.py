"""Form fields every part of the site asks for the same way."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_EMAIL_LENGTH = 254


def email_field(required_message=None, label=None, help_text="", own=True):
    """An email address field with GOV.UK wording for each error, and the browser hints that help people fill it.
    `own=False` for someone else's address (a client, a member): the browser must not offer the person's own."""
    return forms.EmailField(
        label=label or _("Email address"),
        help_text=help_text,
        max_length=MAX_EMAIL_LENGTH,
        error_messages={
            "required": required_message or _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Enter an email address of %(limit_value)d characters or fewer"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email" if own else "off", "spellcheck": "false"}),
    )


def radio_field(label, choices, message, invalid_message=None, **kwargs):
    """One choice shown as radio buttons. `message` asks for a choice; `invalid_message` (if different) answers a
    value that is not one of them, which only a tampered form can send."""
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": message, "invalid_choice": invalid_message or message},
        **kwargs,
    )
