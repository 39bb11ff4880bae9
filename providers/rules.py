"""Who may do what to which object (django-rules). Views ask `marketplace.core.permissions.acts_for`; nothing else
decides. Everything a supplier owns is decided by membership of that supplier, whatever kind it is."""

import rules
from django.utils.translation import gettext_lazy as _

from marketplace.core import admin


@rules.predicate
def is_editor(user):
    return admin.is_editor(user)


@rules.predicate
def acts_for_supplier(user, supplier):
    """An owner or staff member of the supplier (a PA is the owner of their own)."""
    return user.is_authenticated and supplier is not None and supplier.memberships.filter(user=user).exists()


@rules.predicate
def owns_supplier(user, supplier):
    return (
        user.is_authenticated and supplier is not None and supplier.memberships.filter(user=user, role="owner").exists()
    )


def owns_any_supplier(user):
    """Owners receive money for their supplier: where money is handled they need two-factor authentication."""
    from .models import Membership

    return user.is_authenticated and Membership.objects.filter(user=user, role=Membership.Role.OWNER).exists()


OWNER_MFA_REASON = _("your account can receive money, so it needs more than a password.")


@rules.predicate
def owns_listing(user, listing):
    return listing is not None and acts_for_supplier(user, listing.supplier)


@rules.predicate
def is_own_profile(user, personal_assistant):
    return user.is_authenticated and personal_assistant is not None and personal_assistant.user_id == user.pk


rules.add_perm("providers.act_for_supplier", acts_for_supplier)
rules.add_perm("providers.manage_supplier", owns_supplier)
rules.add_perm("providers.change_personalassistant", is_own_profile)
rules.add_perm("providers.edit_listing", owns_listing)
rules.add_perm("providers.moderate_listing", is_editor)
rules.add_perm("providers.verify_check", is_editor)
