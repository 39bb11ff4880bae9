"""Saving a find-support search: save, ask by email, list, delete. Confirming and unsubscribing (one click,
RFC 8058) are the shared subscription pages (`marketplace.core.subscription_views`)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

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
    language = get_language()

    def start(address):
        saved.request_saved_search(address, query_string, label, language)

    return saved.SAVED_SEARCHES.sign_up(request, form.cleaned_data["email"], start)


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
