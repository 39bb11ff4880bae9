"""Who may do what to reviews (django-rules). Writing a review is decided by `reviews.eligibility.check`."""

import rules

from marketplace.core.accounts import confirmed_emails
from providers.rules import is_editor, owns_listing


@rules.predicate
def is_author(user, review):
    return user.is_authenticated and review is not None and review.author_id == user.pk


@rules.predicate
def owns_reviewed_listing(user, review):
    return review is not None and owns_listing(user, review.listing)


@rules.predicate
def coordinates(user, group):
    return user.is_authenticated and group is not None and group.coordinator_email in confirmed_emails(user)


rules.add_perm("reviews.edit_review", is_author)
rules.add_perm("reviews.reply_to_review", owns_reviewed_listing)
rules.add_perm("reviews.report_review", owns_reviewed_listing)
rules.add_perm("reviews.moderate_review", is_editor)
rules.add_perm("reviews.manage_peer_group", coordinates)
