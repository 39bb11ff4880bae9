"""A person's email addresses, as far as the site may trust them.

Anyone can add an address to their account without confirming it, so only confirmed addresses say who someone is:
eligibility to review, the records that name an address (alerts, saved searches, invitations, vouches) and what an
export or an erasure covers all go by these alone."""

from allauth.account.models import EmailAddress
from django.db.models import Q


def confirmed_emails(user):
    """The user's confirmed addresses, lower case (none for someone signed out)."""
    if not user.is_authenticated:
        return set()
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return {address.lower() for address in addresses}


def main_confirmed_email(user):
    """The confirmed primary address (else any confirmed one), or None."""
    if not user.is_authenticated:
        return None
    address = (
        EmailAddress.objects.filter(user=user, verified=True)
        .order_by("-primary", "pk")
        .values_list("email", flat=True)
        .first()
    )
    return address.lower() if address else None


def addressed_to(emails, field="email"):
    """A filter for records whose `field` is any of `emails`, ignoring case (typed addresses keep their case)."""
    query = Q(pk__in=[])
    for email in emails:
        query |= Q(**{f"{field}__iexact": email})
    return query
