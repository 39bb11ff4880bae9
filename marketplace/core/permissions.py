"""Object permissions as the rules are written, for pages that act in someone's own name.

Django's `user.has_perm` lets an active superuser through every rule. That is right for editors' tools, and wrong on
public forms: there the admin account would rewrite another person's review under their name, or vouch as a peer
group's coordinator. Public pages ask `acts_for`; staff act through the admin, where decisions are recorded.
"""

import rules


def acts_for(user, permission, obj=None):
    """May `user`, as themselves, do `permission` to `obj`? No superuser shortcut."""
    return bool(user and user.is_authenticated and user.is_active and rules.has_perm(permission, user, obj))
