"""Real TOTP codes for tests (the same arithmetic an authenticator app does)."""

import time

from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.conf import settings


def enable_totp(user):
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def current_code(secret):
    period = getattr(settings, "MFA_TOTP_PERIOD", 30)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))
