"""Turn on two-factor authentication for a test user and produce real codes for it."""

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from marketplace.core.mfa import current_totp_code as current_code  # noqa: F401 - re-exported for tests


def enable_totp(user):
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret
