"""What happens to reviews: written, edited, checked, decided by editors, replied to and reported.

Views call these after checking permissions; these keep the rules and send the emails. Eligibility is re-checked
inside the transaction with the invitation locked, and the database's constraints (one review per reviewer and
listing, one reply per review) turn a double submission into the same answer as a second attempt, never a 500.
"""

from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.core import ratelimits
from marketplace.core.accounts import confirmed_emails
from marketplace.core.workflow import Transition, Workflow
from providers.models import Listing
from providers.services import owner_emails
from providers.signals import announce_listings_changed

from . import awards, checks, eligibility, notifications
from .models import Endorsement, PeerGroup, PeerGroupMember, ProviderReply, Review, ReviewInvitation, ReviewReport

MAX_EDITOR_TEXT = 2000


@dataclass(frozen=True)
class Draft:
    """What a reviewer wrote, as the review form cleaned it."""

    overall: int
    text: str
    language: str  # the language the text is written in
    support_started: object
    ratings: dict  # criterion field -> 1..5 or None
    endorsements: dict  # QualityStamp (default language) -> reason


# --- Invitations ------------------------------------------------------------------------------------------------


def _may_email(by, email, purpose):
    """Refuse an email to someone else past the hourly limits for the sender and for the address."""
    if not ratelimits.may_send_from_key(ratelimits.user_key(by), purpose):
        raise ValidationError(_("You have sent many emails in the last hour. Try again later."), code="throttled")
    if not ratelimits.may_send_to(email, purpose):
        raise ValidationError(
            _("We have emailed %(email)s several times in the last hour. Try again later.") % {"email": email},
            code="throttled",
        )


def invitations_today(listing, now=None):
    since = (now or timezone.now()) - timedelta(days=1)
    return ReviewInvitation.objects.filter(listing=listing, created_at__gte=since).count()


def invite(listing, email, by, now=None):
    """Email a client a single-use link to review `listing` (a public one: its title is in the email)."""
    email = email.strip().lower()
    now = now or timezone.now()
    if not Listing.objects.publicly_visible(now).filter(pk=listing.pk).exists():
        raise ValidationError(_("You can invite reviews once the listing is published."))
    if ReviewInvitation.objects.filter(listing=listing, email=email, used_at__isnull=True, expires_at__gt=now).exists():
        raise ValidationError(_("%(email)s already has an invitation that works") % {"email": email})
    if invitations_today(listing, now) >= settings.REVIEW_INVITATIONS_PER_LISTING_PER_DAY:
        raise ValidationError(
            _("You have sent %(count)s invitations for this listing today. You can send more tomorrow.")
            % {"count": settings.REVIEW_INVITATIONS_PER_LISTING_PER_DAY}
        )
    if email in confirmed_emails(by) or email in {e.lower() for e in owner_emails(listing)}:
        raise ValidationError(_("Invite a client, not yourself or someone who works for you."))
    _may_email(by, email, "review-invitation")
    invitation = ReviewInvitation.objects.create(listing=listing, email=email, created_by=by)
    notifications.invitation(invitation)
    return invitation


# --- Peer groups ------------------------------------------------------------------------------------------------

# Each vouch sends an email and makes someone a reviewer: a coordinator vouches for people one by one.
VOUCHES_PER_GROUP_PER_DAY = 30


def vouched_today(group, now=None):
    return group.members.filter(vouched_at__gte=(now or timezone.now()) - timedelta(days=1)).count()


def vouch(group, email, by, now=None):
    """The coordinator `by` vouches for whoever holds `email`, who is told by email.

    Never for the coordinator's own addresses (they would be vouching for themselves), and a few a day. However many
    addresses a coordinator controls, their group counts for at most a few endorsers of any stamp
    (`reviews.independence`)."""
    email = email.strip().lower()
    own = {address.lower() for address in EmailAddress.objects.filter(user=by).values_list("email", flat=True)}
    if email in own | {by.email.lower()} or email == group.coordinator_email:
        raise ValidationError(_("You cannot vouch for yourself. Vouch for members of your group."))
    with transaction.atomic():
        PeerGroup.objects.select_for_update().filter(pk=group.pk).first()  # one vouch at a time per group
        if vouched_today(group, now) >= VOUCHES_PER_GROUP_PER_DAY:
            raise ValidationError(
                _("You have vouched for %(count)s people today. You can vouch for more tomorrow.")
                % {"count": VOUCHES_PER_GROUP_PER_DAY}
            )
        if group.members.filter(email=email).exists():
            raise ValidationError(_("You have already vouched for %(email)s") % {"email": email})
        _may_email(by, email, "vouch")
        member = PeerGroupMember.objects.create(
            group=group, email=email, vouched_by=by, vouched_at=now or timezone.now()
        )
    notifications.vouched(member)
    return member


# --- Writing and editing ----------------------------------------------------------------------------------------


def _burst(listing, now):
    since = now - timedelta(hours=settings.REVIEW_BURST_HOURS)
    return Review.objects.filter(listing=listing, created_at__gte=since).count() >= settings.REVIEW_BURST_COUNT


def _apply(review, draft):
    review.overall = draft.overall
    review.text = draft.text
    review.language = draft.language
    review.support_started = draft.support_started
    for name, value in draft.ratings.items():
        setattr(review, name, value)


def _first_endorsed(review, stamp_id):
    """When the reviewer first endorsed this stamp, if they dropped it and now give it again: dropping and re-adding
    must not restart the 12 months."""
    return (
        Endorsement.history.filter(review_id=review.pk, stamp_id=stamp_id)
        .order_by("created_at")
        .values_list("created_at", flat=True)
        .first()
    )


def _save_endorsements(review, endorsements, now):
    """Keep endorsements still given (with their first date), update reasons, add new ones, remove dropped ones."""
    existing = {item.stamp_id: item for item in review.endorsements.all()}
    wanted = {stamp.pk: (stamp, reason) for stamp, reason in endorsements.items()}
    for stamp_id, item in existing.items():
        if stamp_id not in wanted:
            item.delete()
        elif item.reason != wanted[stamp_id][1]:
            item.reason = wanted[stamp_id][1]
            item.save(update_fields=["reason"])
    for stamp_id, (stamp, reason) in wanted.items():
        if stamp_id not in existing:
            first = _first_endorsed(review, stamp_id) if review.pk else None
            Endorsement.objects.create(review=review, stamp=stamp, reason=reason, created_at=first or now)


def _after_change(review, notify=True):
    awards.refresh(review.listing)
    announce_listings_changed(__name__, [review.listing_id])
    if notify:
        notifications.review_outcome(review)


def write(user, listing, draft, invitation=None, now=None):
    """A new review. Published at once unless the automatic checks (or a burst of reviews) send it to an editor."""
    now = now or timezone.now()
    with transaction.atomic():
        if invitation is not None:
            invitation = ReviewInvitation.objects.select_for_update().get(pk=invitation.pk)
        allowed = eligibility.check(user, listing, invitation=invitation, now=now)
        if not allowed:
            raise PermissionDenied(allowed.problem)
        flags = checks.check_text(
            draft.text + "\n" + "\n".join(draft.endorsements.values()), checks.staff_names(listing)
        )
        if _burst(listing, now):
            flags.append(checks.BURST)
        review = Review(
            listing=listing,
            author=user,
            basis=allowed.basis,
            invitation=allowed.invitation,
            peer_group=allowed.peer_group,
            status=Review.Status.HELD if flags else Review.Status.PUBLISHED,
            flags=flags,
            created_at=now,
            updated_at=now,
            published_at=None if flags else now,
        )
        _apply(review, draft)
        try:
            with transaction.atomic():
                review.save()
        except IntegrityError:  # the same person's other tab or double click got there first
            raise PermissionDenied(eligibility.ALREADY_REVIEWED) from None
        _save_endorsements(review, draft.endorsements, now)
        if invitation is not None:
            invitation.used_at = now
            invitation.save(update_fields=["used_at"])
        _after_change(review)
    return review


def edit(review, draft, now=None):
    """The author's new version; history keeps the old one. A published review stays published if it passes the
    checks; one an editor held or did not publish goes back to an editor."""
    now = now or timezone.now()
    with transaction.atomic():
        review = _locked(review)
        if review.history.filter(history_date__gte=now - timedelta(days=1)).count() > settings.REVIEW_EDITS_PER_DAY:
            raise ValidationError(
                _("You have changed this review many times today. You can change it again tomorrow."), code="throttled"
            )
        flags = checks.check_text(
            draft.text + "\n" + "\n".join(draft.endorsements.values()), checks.staff_names(review.listing)
        )
        before = review.status
        _apply(review, draft)
        if before == Review.Status.REJECTED:
            flags.append(checks.RESUBMITTED)
            review.decision_reason = ""
        review.flags = flags
        review.updated_at = now
        stays_published = before == Review.Status.PUBLISHED and not flags
        if not stays_published:
            review.published_at = None
            if before != Review.Status.HELD:
                REVIEW_WORKFLOW.apply(review, "hold", review.author, reason=", ".join(flags), now=now, save=False)
        review.save()
        _save_endorsements(review, draft.endorsements, now)
        _after_change(review, notify=review.status != before)
    return review


# --- Editors' decisions -----------------------------------------------------------------------------------------


def _locked(review):
    return Review.objects.select_for_update(of=("self",)).select_related("listing", "author").get(pk=review.pk)


def _may_moderate(user, review):
    return user.has_perm("reviews.moderate_review")


REVIEW_WORKFLOW = Workflow(
    "review",
    [
        Transition("publish", (Review.Status.HELD, Review.Status.REJECTED), Review.Status.PUBLISHED, may=_may_moderate),
        Transition(
            "reject",
            (Review.Status.HELD, Review.Status.PUBLISHED),
            Review.Status.REJECTED,
            may=_may_moderate,
            needs_reason=True,
        ),
        # The automatic checks hold a changed review for an editor (no person decides this).
        Transition("hold", (Review.Status.PUBLISHED, Review.Status.REJECTED), Review.Status.HELD),
    ],
)


def publish(review, editor, now=None):
    """Publish a held or declined review. Publishing one that is already published changes nothing (a second click
    or a stale tab sends no second round of emails)."""
    now = now or timezone.now()
    with transaction.atomic():
        review = _locked(review)
        if review.status == Review.Status.PUBLISHED:
            return review
        review.published_at = review.published_at or now
        review.decided_by, review.decided_at, review.decision_reason = editor, now, ""
        REVIEW_WORKFLOW.apply(
            review,
            "publish",
            editor,
            update_fields=["published_at", "decided_by", "decided_at", "decision_reason"],
            now=now,
        )
        _after_change(review)
    return review


def _editors_words(text, required_message):
    text = (text or "").strip()
    if not text:
        raise ValidationError(required_message)
    if len(text) > MAX_EDITOR_TEXT:
        raise ValidationError(_("Write %(limit)s characters or fewer.") % {"limit": MAX_EDITOR_TEXT})
    return text


def reject(review, editor, reason, now=None):
    reason = _editors_words(reason, _("Give the reviewer a reason: they will see it."))
    now = now or timezone.now()
    with transaction.atomic():
        review = _locked(review)
        if review.status == Review.Status.REJECTED:
            return review
        review.published_at = None
        review.decided_by, review.decided_at, review.decision_reason = editor, now, reason
        REVIEW_WORKFLOW.apply(
            review,
            "reject",
            editor,
            reason=reason,
            update_fields=["published_at", "decided_by", "decided_at", "decision_reason"],
            now=now,
        )
        _after_change(review)
    return review


def confirm_independent(review, editor, now=None):
    """An editor has checked that an invited reviewer is a real client, independent of the provider: from now on the
    review counts towards the listing's rating and stamps (`reviews.independence`). A second click changes nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        review = _locked(review)
        if review.basis != Review.Basis.INVITATION:
            raise ValidationError(_("Only a review written through a provider’s invitation needs this check."))
        if review.independence_checked_at is not None:
            return review
        review.independence_checked_by, review.independence_checked_at = editor, now
        review.save(update_fields=["independence_checked_by", "independence_checked_at"])
        if review.status == Review.Status.PUBLISHED:
            _after_change(review, notify=False)
    return review


# --- Providers --------------------------------------------------------------------------------------------------


def reply(review, user, text, now=None):
    """The provider's one public reply: written once, then edited in place (a double click edits, too)."""
    now = now or timezone.now()
    for _attempt in range(2):
        try:
            with transaction.atomic():
                existing = ProviderReply.objects.select_for_update().filter(review=review).first()
                if existing is None:
                    return ProviderReply.objects.create(
                        review=review, text=text, author=user, created_at=now, updated_at=now
                    )
                existing.text, existing.author, existing.updated_at = text, user, now
                existing.save()
                return existing
        except IntegrityError:  # another request created it between our look and our insert: edit that one
            continue
    raise IntegrityError("reply")


def report(review, user, reason, details):
    if ReviewReport.objects.filter(review=review, reported_by=user, status=ReviewReport.Status.OPEN).exists():
        raise ValidationError(_("You have already reported this review. An editor will look at it soon."))
    return ReviewReport.objects.create(review=review, reported_by=user, reason=reason, details=details)


def decide_report(report, editor, uphold, note, now=None):
    """Uphold (the review is taken down, and every other open report on it is upheld with it) or dismiss."""
    note = _editors_words(note, _("Write a note for the provider: they will see it."))
    now = now or timezone.now()
    with transaction.atomic():
        report = (
            ReviewReport.objects.select_for_update(of=("self",)).select_related("review__listing").get(pk=report.pk)
        )
        if report.status != ReviewReport.Status.OPEN:
            raise ValidationError(_("Another editor has already decided this report."))
        decided = [report]
        if uphold:
            decided += list(
                ReviewReport.objects.select_for_update()
                .filter(review=report.review, status=ReviewReport.Status.OPEN)
                .exclude(pk=report.pk)
            )
        for item in decided:
            item.status = ReviewReport.Status.UPHELD if uphold else ReviewReport.Status.DISMISSED
            item.decided_by, item.decided_at, item.decision_note = editor, now, note
            item.save()
        if uphold:
            reject(report.review, editor, note, now)
        for item in decided:
            notifications.report_decided(item)
    return report
