"""Saved searches: double opt-in by email (or at once for a signed-in person with a verified address), an email when
a newly public listing matches, never twice for the same listing, one-click unsubscribe (RFC 8058)."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from marketplace.core.accounts import confirmed_emails
from marketplace.core.emails import queue_email
from marketplace.core.subscriptions import Page, StoredTokens, Subscriptions
from marketplace.core.urls_absolute import absolute_url
from providers.models import FundingOption, Language, Listing, Need, ServiceType

from . import links
from .backends import database
from .forms import SearchForm, term_choices
from .models import MAX_SAVED_QUERY_LENGTH, SavedSearch, SavedSearchNotice

logger = logging.getLogger(__name__)

CONFIRMATION_MAX_AGE = timedelta(days=7)
MAX_LABEL_LENGTH = 200


class SavedSearchEmails(StoredTokens, Subscriptions):
    """Each saved search is its own subscription: unsubscribing deletes that one search."""

    model = SavedSearch
    purpose = "saved-search"
    namespace = "find:saved"
    confirmation_max_age = CONFIRMATION_MAX_AGE
    client_limit_setting = "SAVED_SEARCH_SIGNUPS_PER_HOUR_PER_IP"
    address_limit_setting = "SAVED_SEARCH_SIGNUPS_PER_HOUR_PER_EMAIL"

    def pages(self):
        return {
            "check_email": Page(text=_("We have sent you an email with a link. Select the link to save your search.")),
            "confirm": Page(
                title=_("Save your search"),
                text=_("We will email you when a new listing matches “%(label)s”."),
                button=_("Start my emails"),
            ),
            "confirmed": Page(
                title=_("Your search is saved"),
                text=_(
                    "When a new listing matches “%(label)s”, we will send you a link to it. "
                    "Every email has a link to stop them."
                ),
                link=results_url,
                link_text=_("See the results now"),
            ),
            "link_invalid": Page(link="find:support", link_text=_("Search for support and save the search again")),
            "unsubscribe": Page(
                title=_("Stop emails about a saved search"),
                text=_("We will delete the saved search “%(label)s” and stop emailing you about it."),
                button=_("Delete this saved search"),
            ),
            "unsubscribed": Page(
                title=_("Your saved search is deleted"),
                text=_("We will not email you about it again."),
                link="find:support",
                link_text=_("Search for support"),
            ),
            "too_many": Page(
                text=_("Many searches have been saved from your connection in the last hour. Try again later.")
            ),
        }

    def placeholders(self, subscription):
        return {"label": subscription.label}


SAVED_SEARCHES = SavedSearchEmails()


class InvalidSavedQuery(ValueError):
    """The query string is not a search that can be saved; `messages` says why, in the reader's language."""

    def __init__(self, messages):
        super().__init__("; ".join(str(message) for message in messages))
        self.messages = [str(message) for message in messages]


# --- The query ---------------------------------------------------------------------------------------------------


def _form_for(query_string):
    return SearchForm(QueryDict(query_string))


def clean_query_string(query_string):
    """(canonical query string without `page`, valid SearchForm), or InvalidSavedQuery with the reasons."""
    if not isinstance(query_string, str) or not query_string.strip():
        raise InvalidSavedQuery([gettext("There is no search to save. Search for support first.")])
    if len(query_string) > MAX_SAVED_QUERY_LENGTH:
        raise InvalidSavedQuery([gettext("This search is too long to save. Remove some words or filters first.")])
    params = links.canonical(QueryDict(query_string.lstrip("?")))
    params.pop("page", None)
    canonical = params.urlencode()
    if not canonical:
        raise InvalidSavedQuery([gettext("There is no search to save. Search for support first.")])
    form = _form_for(canonical)
    if not form.is_valid():
        raise InvalidSavedQuery([error for errors in form.errors.values() for error in errors])
    if form.is_ambiguous:
        raise InvalidSavedQuery([gettext("Choose which place you mean before you save this search.")])
    return canonical, form


def describe(query):
    """A short name for a saved search in the active language, like "Dementia, Polish near EH6"."""
    parts = []
    for model, slugs in (
        (Need, query.needs),
        (ServiceType, query.service_types),
        (Language, query.languages),
        (FundingOption, query.funding),
    ):
        if slugs:
            names = dict(term_choices(model))
            parts.extend(names.get(slug, slug) for slug in slugs)
    # The words typed are left out: the label goes into a confirmation email to an address anyone can enter, and
    # must not carry a stranger's text (a link, a message) to that inbox.
    place = query.place.outward_code or query.place.label
    if parts:
        label = gettext("%(what)s near %(place)s") % {"what": ", ".join(parts), "place": place}
    else:
        label = gettext("Support near %(place)s") % {"place": place}
    return label if len(label) <= MAX_LABEL_LENGTH else label[: MAX_LABEL_LENGTH - 1] + "…"


# --- URLs --------------------------------------------------------------------------------------------------------


def results_url(saved_search, absolute=False):
    with translation.override(saved_search.language):
        path = reverse("find:support") + "?" + saved_search.query_string
    return absolute_url(path) if absolute else path


# --- Saving ------------------------------------------------------------------------------------------------------


def owned_by(user):
    """Saved searches a signed-in person may see and delete: theirs, or sent to an address they have confirmed."""
    if not user.is_authenticated:
        return SavedSearch.objects.none()
    return SavedSearch.objects.filter(Q(user=user) | Q(email__in=confirmed_emails(user)))


def _delete_expired_unconfirmed():
    SavedSearch.objects.filter(confirmed_at__isnull=True, created_at__lt=timezone.now() - CONFIRMATION_MAX_AGE).delete()


def _at_limit(email):
    return SavedSearch.objects.filter(email=email).count() >= settings.SAVED_SEARCH_MAX_PER_EMAIL


class LimitReached(Exception):
    pass


@transaction.atomic
def save_for_user(user, email, query_string, label, language):
    """Save and confirm at once (the address is verified). Returns (saved search, created); LimitReached if full."""
    existing = SavedSearch.objects.filter(email=email, query_string=query_string).first()
    if existing:
        changed = []
        if not existing.is_confirmed:
            existing.confirmed_at = timezone.now()
            changed.append("confirmed_at")
        if existing.user_id is None:
            existing.user = user
            changed.append("user")
        if changed:
            existing.save(update_fields=changed)
        return existing, False
    if _at_limit(email):
        raise LimitReached
    saved = SavedSearch.objects.create(
        user=user, email=email, query_string=query_string, label=label, language=language, confirmed_at=timezone.now()
    )
    return saved, True


@transaction.atomic
def request_saved_search(email, query_string, label, language):
    """Record a pending saved search and email a confirmation link; nothing else is sent until it is confirmed.

    What the visitor sees next is the same whatever happens here (enumeration-safe): a search this address already
    confirmed gets no email; at the limit, the address is told so by email instead.
    """
    email = email.lower()
    _delete_expired_unconfirmed()
    saved = SavedSearch.objects.filter(email=email, query_string=query_string).first()
    if saved is not None and saved.is_confirmed:
        return saved
    if saved is None:
        if _at_limit(email):
            queue_email(
                "search/email/saved_limit",
                email,
                {"limit": settings.SAVED_SEARCH_MAX_PER_EMAIL},
                language=language,
            )
            return None
        saved = SavedSearch.objects.create(email=email, query_string=query_string, label=label, language=language)
    else:  # asked again before confirming: the same link, valid for another week
        saved.created_at = timezone.now()
        saved.save(update_fields=["created_at"])
    SAVED_SEARCHES.send_confirmation(
        saved, "search/email/saved_confirm", {"label": saved.label, "results_url": results_url(saved, absolute=True)}
    )
    return saved


# --- Notifying ---------------------------------------------------------------------------------------------------


def _matches(saved_searches, listing_id, now):
    """The saved searches (of one language and query) that the listing matches; the query is parsed once."""
    first = saved_searches[0]
    with translation.override(first.language):
        form = _form_for(first.query_string)
        if not form.is_valid() or form.is_ambiguous:
            logger.info("Saved search %s no longer parses; skipped", first.pk)
            return []
        query = form.query().but(listing_ids=(listing_id,), page=1)
    results = database.search(query, now=now)
    return saved_searches if any(hit.listing_id == listing_id for hit in results.hits) else []


def _listing_url(listing, language):
    with translation.override(language):
        return absolute_url(reverse("listings:detail", kwargs={"slug": listing.slug}))


def notify_for_listing(listing_id, now=None):
    """Email every confirmed saved search the (newly public) listing matches, once per saved search and listing.

    Returns how many emails were queued.
    """
    now = now or timezone.now()
    listing = Listing.objects.publicly_visible(now=now).filter(pk=listing_id).first()
    if listing is None:
        return 0
    already = SavedSearchNotice.objects.filter(listing_id=listing_id).values_list("saved_search_id", flat=True)
    groups = {}
    for saved in SavedSearch.objects.filter(confirmed_at__isnull=False).exclude(pk__in=already).order_by("pk"):
        groups.setdefault((saved.language, saved.query_string), []).append(saved)
    sent = 0
    for saved_searches in groups.values():
        for saved in _matches(saved_searches, listing_id, now):
            try:
                with transaction.atomic():
                    SavedSearchNotice.objects.create(saved_search=saved, listing=listing)
                    SavedSearch.objects.filter(pk=saved.pk).update(last_notified_at=now)
                    SAVED_SEARCHES.send(
                        saved,
                        "search/email/saved_match",
                        {
                            "label": saved.label,
                            "listing_title": listing.title,
                            "listing_summary": listing.summary,
                            "listing_url": _listing_url(listing, saved.language),
                            "results_url": results_url(saved, absolute=True),
                        },
                    )
            except IntegrityError:  # another worker told them about this listing a moment ago
                continue
            sent += 1
    return sent
