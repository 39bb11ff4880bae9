"""Saving a find-support search: save, confirm by email, list, delete, unsubscribe (one click, RFC 8058)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from marketplace.core import ratelimits
from marketplace.core.accounts import main_confirmed_email

from . import saved
from .forms_saved import SavedSearchEmailForm


def _results(query_string):
    return reverse("find:support") + "?" + query_string


def _bad_query(request, error):
    return render(request, "search/saved/bad_query.html", {"problems": error.messages}, status=400)


@require_POST
def save(request):
    """From the results page: a person signed in with a verified address saves at once; anyone else gives an email."""
    try:
        query_string, form = saved.clean_query_string(request.POST.get("query", ""))
    except saved.InvalidSavedQuery as error:
        return _bad_query(request, error)
    email = main_confirmed_email(request.user)
    if email is None:
        return redirect(reverse("find:saved:email") + "?" + urlencode({"query": query_string}))
    try:
        saved_search, created = saved.save_for_user(
            request.user, email, query_string, saved.describe(form.query()), get_language()
        )
    except saved.LimitReached:
        messages.error(
            request,
            _("You already have %(limit)d saved searches. Delete one to save this search.")
            % {"limit": settings.SAVED_SEARCH_MAX_PER_EMAIL},
        )
        return redirect(_results(query_string))
    if created:
        messages.success(
            request,
            _("Search saved. We will email %(email)s when a new listing matches it.") % {"email": email},
        )
    else:
        messages.success(request, _("You have already saved this search."))
    return redirect(_results(query_string))


@require_http_methods(["GET", "POST"])
def email(request):
    """Ask for an address, then email it a link to confirm. The page after is the same whatever the address."""
    source = request.POST if request.method == "POST" else request.GET
    try:
        query_string, search_form = saved.clean_query_string(source.get("query", ""))
    except saved.InvalidSavedQuery as error:
        return _bad_query(request, error)
    label = saved.describe(search_form.query())
    form = SavedSearchEmailForm(request.POST or None, initial={"query": query_string})
    context = {"form": form, "label": label, "results_url": _results(query_string)}
    if request.method == "GET":
        return render(request, "search/saved/email.html", context)
    if not form.is_valid():
        return render(request, "search/saved/email.html", context, status=400)
    address = form.cleaned_data["email"].lower()
    if not ratelimits.may_send_from(request, "saved-search", settings.SAVED_SEARCH_SIGNUPS_PER_HOUR_PER_IP):
        return ratelimits.too_many(
            request, _("Many searches have been saved from your connection in the last hour. Try again later.")
        )
    # Over the per-address limit nothing is sent, but the page says the same: it must not reveal the address.
    if ratelimits.may_send_to(address, "saved-search", settings.SAVED_SEARCH_SIGNUPS_PER_HOUR_PER_EMAIL):
        saved.request_saved_search(address, query_string, label, get_language())
    return redirect("find:saved:check_email")


def check_email(request):
    return render(request, "search/saved/check_email.html")


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    # Confirming changes state, so a GET (which mail scanners follow) only shows a button.
    saved_search = saved.pending_for_confirmation(token)
    if saved_search is None:
        return render(request, "search/saved/link_invalid.html", status=404)
    if request.method == "POST":
        saved_search = saved.confirm(token)
        return render(
            request,
            "search/saved/confirmed.html",
            {"saved_search": saved_search, "results_url": saved.results_url(saved_search)},
        )
    return render(request, "search/saved/confirm.html", {"saved_search": saved_search})


@csrf_exempt  # mail clients' one-click POST (RFC 8058) carries no CSRF token; the unguessable token is the secret
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET shows one button; POST (the button, or a mail client's RFC 8058 one-click request) deletes the search."""
    if request.method == "POST":
        saved.unsubscribe(token)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return render(request, "search/saved/unsubscribed.html")
        return redirect("find:saved:unsubscribed")
    saved_search = saved.for_unsubscribe(token)
    if saved_search is None:
        raise Http404
    return render(request, "search/saved/unsubscribe.html", {"saved_search": saved_search})


def unsubscribed(request):
    return render(request, "search/saved/unsubscribed.html")


@login_required
def saved_searches(request):
    items = [
        {"saved_search": item, "results_url": saved.results_url(item)}
        for item in saved.owned_by(request.user).order_by("-created_at", "-pk")
    ]
    return render(request, "search/saved/list.html", {"items": items})


@login_required
@require_POST
def delete(request, pk):
    """Delete one of your own saved searches; anyone else's is "not found", as if it did not exist."""
    saved_search = get_object_or_404(saved.owned_by(request.user), pk=pk)
    label = saved_search.label
    saved_search.delete()
    messages.success(request, _("You deleted the saved search “%(label)s”.") % {"label": label})
    return redirect("find:saved:list")
