import secrets

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _


def new_attempt():
    return secrets.token_urlsafe(16)


class ConnectForm(forms.Form):
    """Start (or carry on) setting up payments. `attempt` is made when the page is shown, so the same form sent
    twice asks Stripe once."""

    attempt = forms.CharField(
        widget=forms.HiddenInput,
        max_length=64,
        validators=[
            RegexValidator(r"^[A-Za-z0-9_-]{16,64}\Z", _("The form was not sent as shown: open the page again."))
        ],
        error_messages={
            "required": _("The form was not sent as shown: open the page again."),
            "max_length": _("The form was not sent as shown: open the page again."),
        },
    )
