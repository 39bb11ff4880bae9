"""Supplier owners handle money on the invoice pages (refunds, credit notes, VAT, every customer's invoices): without
two-factor authentication they are sent to set it up first, and nothing happens."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from marketplace.payments.invoices import issuing
from marketplace.payments.invoices.models import CreditNote

from .conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner_without_two_factor(owner, organisation, booking):
    Authenticator.objects.filter(user=owner).delete()  # the supplier was made with it on
    return owner


def test_an_owner_without_two_factor_cannot_credit_or_list_invoices(owner_without_two_factor, booking, organisation):
    invoice = issuing.issue_due()[0]
    client = signed_in(owner_without_two_factor)
    for address in (
        reverse("invoices:supplier", args=[organisation.supplier.pk]),
        reverse("invoices:detail", args=[invoice.pk]),
        reverse("invoices:credit", args=[invoice.pk]),
    ):
        response = client.get(address)
        assert response.status_code == 302, address
        assert response["Location"].startswith(reverse("mfa_activate_totp"))
    response = client.post(reverse("invoices:credit", args=[invoice.pk]), {"amount": "5.00", "reason": "Short visit"})
    assert response.status_code == 302
    assert not CreditNote.objects.exists()


def test_the_person_needs_no_two_factor_for_their_own_invoices(person, booking):
    invoice = issuing.issue_due()[0]
    assert signed_in(person).get(reverse("invoices:detail", args=[invoice.pk])).status_code == 200
