"""One demo account per role. The password comes from DEMO_PASSWORD (see the management command)."""

from marketplace.core.models import COMMISSIONERS_GROUP, EDITORS_GROUP, PEER_REVIEWERS_GROUP

DEFAULT_PASSWORD = "demo-password-2026"  # noqa: S105 - public on purpose; the command refuses production settings

# email, display name, preferred language, groups, superuser, what the account is for
DEMO_USERS = [
    ("admin@example.org", "Site Admin", "en", [], True, "Superuser"),
    ("editor@example.org", "Morag Editor", "en", [EDITORS_GROUP], False, "Council editor; owns the guidance pages"),
    ("urdu.editor@example.org", "Farah Editor", "ur", [EDITORS_GROUP], False, "Editor who translates into Urdu"),
    ("provider@example.org", "Ewan, Highland Care Co-op", "en", [], False, "Member of a provider organisation"),
    ("pa@example.org", "Agnieszka Nowak", "pl", [], False, "Self-employed personal assistant"),
    ("reviewer@example.org", "Iain Peer Reviewer", "gd", [PEER_REVIEWERS_GROUP], False, "Peer reviewer"),
    ("commissioner@example.org", "Colin Commissioner", "en", [COMMISSIONERS_GROUP], False, "Commissioner"),
    ("person@example.org", "Amina Hussain", "ur", [], False, "Person who uses support"),
    ("finance@example.org", "Fiona Finance", "en", ["Council finance"], False, "Council finance officer (Edinburgh)"),
]

EDITOR_EMAIL = "editor@example.org"
PUBLISHER_EMAIL = "admin@example.org"
TRANSLATOR_EMAILS = {"ur": "urdu.editor@example.org"}

# Supplier owners must use two-factor authentication before their dashboard (they will receive money).
SUPPLIER_OWNER_EMAILS = {"provider@example.org", "pa@example.org"}
# Council finance officers see other people's money: two-factor authentication too.
FINANCE_EMAIL = "finance@example.org"
# Commissioners see the whole market's figures, so they use two-factor authentication too.
COMMISSIONER_EMAILS = {"commissioner@example.org"}
TWO_FACTOR_EMAILS = SUPPLIER_OWNER_EMAILS | {FINANCE_EMAIL} | COMMISSIONER_EMAILS

# Groups the demo needs. Wagtail's own migrations create "Editors" and "Moderators" with page permissions.
EXTRA_GROUPS = [COMMISSIONERS_GROUP, PEER_REVIEWERS_GROUP]


def demo_totp_secret(email):
    """A fixed authenticator secret per demo account, so people trying the demo can reach the admin.

    Anyone can work these out, which is why demo data never loads under production settings.
    """
    import base64
    import hashlib

    return base64.b32encode(hashlib.sha1(f"sds-demo-totp:{email}".encode()).digest()).decode()  # noqa: S324
