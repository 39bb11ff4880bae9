"""Rate limits kept in the cache: how often one client may act, and how often one address may be written to.

Every form that emails someone other than the signed-in person (alert and saved-search sign-ups, invitations to an
organisation or to review, vouching, account emails) asks `may_email` first, so nobody can use the site to flood a
stranger's inbox. Keys (addresses, IP addresses) live only in the cache for the window, never in the database.
"""

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

HOUR = 60 * 60


def hit(scope, key, limit, window=HOUR):
    """Count one attempt for (scope, key) in the current window; False once `limit` attempts were already made."""
    cache_key = f"ratelimit:{scope}:{key}"
    if cache.add(cache_key, 1, window):
        return limit >= 1
    try:
        count = cache.incr(cache_key)
    except ValueError:  # the window ended between add and incr
        cache.add(cache_key, 1, window)
        return limit >= 1
    return count <= limit


def client_key(request):
    """Who is asking: the account when signed in, else the visitor's address (as allauth sees it behind proxies)."""
    if request.user.is_authenticated:
        return user_key(request.user)
    from allauth.account.adapter import get_adapter

    return f"ip-{get_adapter(request).get_client_ip(request)}"


def user_key(user):
    return f"user-{user.pk}"


def may_send_from(request, purpose, limit=None):
    """May this client send one more email of `purpose` to someone else this hour?"""
    return may_send_from_key(client_key(request), purpose, limit)


def may_send_from_key(key, purpose, limit=None):
    return hit(f"{purpose}:client", key, limit or settings.EMAILS_TO_OTHERS_PER_HOUR_PER_CLIENT)


def may_send_to(address, purpose="any", limit=None):
    """May one more email be sent to `address` this hour (for `purpose`, or in all)?"""
    return hit(
        f"{purpose}:recipient", address.strip().lower(), limit or settings.EMAILS_TO_OTHERS_PER_HOUR_PER_RECIPIENT
    )


def too_many(request, message):
    """The page for a client over a limit: 429, and what to do (wait)."""
    return render(request, "too_many_requests.html", {"message": message}, status=429)


def error_status(error):
    """429 for a ValidationError that says "too many" (code "throttled"), else 400."""
    return 429 if any(item.code == "throttled" for item in error.error_list) else 400
