"""The form that asks for an email address to send a saved search's alerts to."""

from django import forms

from marketplace.core.fields import email_field

from .models import MAX_SAVED_QUERY_LENGTH


class SavedSearchEmailForm(forms.Form):
    email = email_field()
    query = forms.CharField(widget=forms.HiddenInput, max_length=MAX_SAVED_QUERY_LENGTH, required=False)
