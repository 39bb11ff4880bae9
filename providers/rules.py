"""Who may do what to which object (django-rules). Views ask `user.has_perm(name, obj)`; nothing else decides."""

import rules

from marketplace.core.models import EDITORS_GROUP, MODERATORS_GROUP


@rules.predicate
def is_editor(user):
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name__in=[EDITORS_GROUP, MODERATORS_GROUP]).exists()
    )


@rules.predicate
def is_member(user, organisation):
    return user.is_authenticated and organisation is not None and organisation.memberships.filter(user=user).exists()


@rules.predicate
def is_owner_member(user, organisation):
    return (
        user.is_authenticated
        and organisation is not None
        and organisation.memberships.filter(user=user, role="owner").exists()
    )


@rules.predicate
def owns_listing(user, listing):
    if listing is None or not user.is_authenticated:
        return False
    if listing.personal_assistant_id:
        return listing.personal_assistant.user_id == user.pk
    return listing.organisation.memberships.filter(user=user).exists()


@rules.predicate
def is_own_profile(user, personal_assistant):
    return user.is_authenticated and personal_assistant is not None and personal_assistant.user_id == user.pk


rules.add_perm("providers.view_organisation_dashboard", is_member)
rules.add_perm("providers.change_organisation", is_owner_member)
rules.add_perm("providers.invite_member", is_owner_member)
rules.add_perm("providers.change_personalassistant", is_own_profile)
rules.add_perm("providers.edit_listing", owns_listing)
rules.add_perm("providers.moderate_listing", is_editor)
rules.add_perm("providers.verify_check", is_editor)
