"""Who may review a listing, and on what basis. Views ask `check`; nothing else decides."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from marketplace.core.accounts import confirmed_emails
from marketplace.core.permissions import acts_for

from .models import PeerGroup, Review

# Why someone may not review (each has a page explaining what to do).
SIGN_IN = "sign_in"
UNVERIFIED = "unverified"
OWN_LISTING = "own_listing"
ALREADY_REVIEWED = "already_reviewed"
NO_BASIS = "no_basis"
WRONG_EMAIL = "wrong_email"
INVITATION_USED = "invitation_used"
INVITATION_EXPIRED = "invitation_expired"
DAILY_LIMIT = "daily_limit"


@dataclass(frozen=True)
class Eligibility:
    basis: str = ""
    peer_group: PeerGroup | None = None
    invitation: object = None
    problem: str = ""

    def __bool__(self):
        return not self.problem


def peer_group_of(user, emails=None):
    """The accredited peer group that vouches for one of the user's verified addresses (the oldest, if several)."""
    emails = confirmed_emails(user) if emails is None else emails
    if not emails:
        return None
    return PeerGroup.objects.filter(accredited=True, members__email__in=emails).order_by("accredited_at", "pk").first()


def owns(user, listing):
    return acts_for(user, "providers.edit_listing", listing)


def reviews_today(user, now=None):
    since = (now or timezone.now()) - timedelta(days=1)
    return Review.objects.filter(author=user, created_at__gte=since).count()


def check(user, listing, invitation=None, now=None):
    """May `user` write a new review of `listing` (through `invitation`, if given)? An Eligibility either way."""
    now = now or timezone.now()
    if not user.is_authenticated:
        return Eligibility(problem=SIGN_IN)
    emails = confirmed_emails(user)
    if invitation is not None:
        if invitation.email.strip().lower() not in emails:
            # Someone signed in with another address learns nothing more than that it is not theirs.
            return Eligibility(problem=WRONG_EMAIL if user.email.lower() != invitation.email.lower() else UNVERIFIED)
        if Review.objects.filter(listing=listing, author=user).exists():
            return Eligibility(problem=ALREADY_REVIEWED)  # they follow their old link to change their review
        if invitation.used_at is not None:
            return Eligibility(problem=INVITATION_USED)
        if not invitation.is_usable(now):
            return Eligibility(problem=INVITATION_EXPIRED)
    if not emails:
        return Eligibility(problem=UNVERIFIED)
    if owns(user, listing):
        return Eligibility(problem=OWN_LISTING)
    if Review.objects.filter(listing=listing, author=user).exists():
        return Eligibility(problem=ALREADY_REVIEWED)
    if reviews_today(user, now) >= settings.REVIEWS_PER_REVIEWER_PER_DAY:
        return Eligibility(problem=DAILY_LIMIT)
    if invitation is not None:
        return Eligibility(basis=Review.Basis.INVITATION, invitation=invitation)
    if group := peer_group_of(user, emails):
        return Eligibility(basis=Review.Basis.PEER_GROUP, peer_group=group)
    return Eligibility(problem=NO_BASIS)
