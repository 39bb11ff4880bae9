"""A person's review data, for their export and for erasing when they delete their account.

Invitations and vouches name email addresses: only addresses the person has confirmed are theirs (anyone can add an
unconfirmed one to their account), so only those are exported or erased."""

from .models import PeerGroup, PeerGroupMember, Review, ReviewInvitation, ReviewReport
from .models.reviews import CRITERIA


def _iso(value):
    return value.isoformat() if value else None


def export(user, emails):
    reviews = (
        Review.objects.filter(author=user)
        .select_related("listing", "reply", "peer_group")
        .prefetch_related("endorsements__stamp")
        .order_by("pk")
    )
    return {
        "reviews": [
            {
                "listing": review.listing.title,
                "status": review.status,
                "overall": review.overall,
                **{name: getattr(review, name) for name, _label in CRITERIA},
                "text": review.text,
                "language": review.language,
                "support_started": _iso(review.support_started),
                "basis": review.basis,
                "peer_group": review.peer_group.name if review.peer_group else None,
                "endorsements": [
                    {
                        "stamp": endorsement.stamp.name,
                        "reason": endorsement.reason,
                        "given_at": _iso(endorsement.created_at),
                    }
                    for endorsement in review.endorsements.all()
                ],
                "decision_reason": review.decision_reason,
                "provider_reply": getattr(getattr(review, "reply", None), "text", None),
                "created_at": _iso(review.created_at),
                "updated_at": _iso(review.updated_at),
                "published_at": _iso(review.published_at),
            }
            for review in reviews
        ],
        "review_invitations_received": [
            {
                "listing": invitation.listing.title,
                "email": invitation.email,
                "sent_at": _iso(invitation.created_at),
                "used_at": _iso(invitation.used_at),
            }
            for invitation in ReviewInvitation.objects.filter(email__in=emails).select_related("listing").order_by("pk")
        ],
        "review_reports_made": [
            {
                "listing": report.review.listing.title,
                "reason": report.reason,
                "details": report.details,
                "status": report.status,
                "created_at": _iso(report.created_at),
            }
            for report in ReviewReport.objects.filter(reported_by=user).select_related("review__listing").order_by("pk")
        ],
        "peer_groups_vouching_for_you": sorted(
            PeerGroupMember.objects.filter(email__in=emails).values_list("group__name", flat=True)
        ),
        "peer_groups_you_coordinate": sorted(
            PeerGroup.objects.filter(coordinator_email__in=emails).values_list("name", flat=True)
        ),
    }


def erase(user, emails):
    """Delete the person's reviews (their history goes with them; stamps and ratings are recounted) and the
    invitations and vouches that name their addresses."""
    for review in Review.objects.filter(author=user):
        review.delete()
    ReviewInvitation.objects.filter(email__in=emails).delete()
    PeerGroupMember.objects.filter(email__in=emails).delete()
