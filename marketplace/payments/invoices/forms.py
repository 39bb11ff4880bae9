import re

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.bookings.money import pence

from ..forms import ConnectForm
from .models import SupplierVat

# UK VAT numbers: GB and 9 digits (12 for a branch), or GBGD/GBHA and 3 digits (government departments, health bodies).
VAT_NUMBER = re.compile(r"^GB(\d{9}|\d{12}|GD\d{3}|HA\d{3})\Z")
MAX_CREDIT_PENCE = 10_000_000


class VatForm(forms.ModelForm):
    class Meta:
        model = SupplierVat
        fields = ["charges_vat", "vat_number"]
        help_texts = {"vat_number": _("As on your VAT registration certificate, for example GB123456789.")}

    def clean_vat_number(self):
        number = re.sub(r"[\s.-]", "", self.cleaned_data.get("vat_number") or "").upper()
        if number and not VAT_NUMBER.match(number):
            raise forms.ValidationError(_("Enter a UK VAT number: GB followed by 9 digits, for example GB123456789."))
        return number

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("charges_vat") and not cleaned.get("vat_number") and "vat_number" not in self.errors:
            self.add_error("vat_number", _("Enter your VAT registration number: invoices with VAT must show it."))
        return cleaned


class CreditNoteForm(forms.Form):
    amount = forms.CharField(
        label=_("Amount to credit, in pounds"),
        help_text=_("Including VAT, if the invoice charges it. For example 18.50."),
        max_length=12,
        error_messages={"required": _("Enter the amount to credit, for example 18.50.")},
    )
    reason = forms.CharField(
        label=_("Why you are crediting this invoice"),
        help_text=_("The person sees this on the invoice."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": _("Say why you are crediting this invoice: the person will see it.")},
    )

    def clean_amount(self):
        raw = self.cleaned_data["amount"].strip().lstrip("£").replace(",", "")
        if not re.fullmatch(r"\d{1,6}(\.\d{1,2})?", raw):
            raise forms.ValidationError(_("Enter an amount in pounds and pence, for example 18.50."))
        amount = pence(raw)
        if not 0 < amount <= MAX_CREDIT_PENCE:
            raise forms.ValidationError(_("Enter an amount more than £0.00."))
        return amount

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Say why you are crediting this invoice: the person will see it."))
        return reason


class RefundForm(CreditNoteForm):
    """How much of the payment to give back and why; `attempt` (made when the page is shown) refunds once however
    often the form is sent."""

    attempt = ConnectForm.base_fields["attempt"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amount"].label = _("Amount to refund, in pounds")
        self.fields["amount"].help_text = _("For example 18.50.")
        self.fields["amount"].error_messages["required"] = _("Enter the amount to refund, for example 18.50.")
        self.fields["reason"].label = _("Why you are refunding")
        self.fields["reason"].error_messages["required"] = _("Say why you are refunding: the person will see it.")

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Say why you are refunding: the person will see it."))
        return reason
