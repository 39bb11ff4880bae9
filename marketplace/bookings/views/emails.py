"""The one choice about booking emails: on or off, on the account, and off in one click from any email."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ..forms import EmailPreferenceForm
from ..models import EmailPreference
from ..notifications import user_id_from_off_token
from .common import form_page


def _set(user, send):
    EmailPreference.objects.update_or_create(user=user, defaults={"send": send})


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    current = not EmailPreference.objects.filter(user=request.user, send=False).exists()
    form = EmailPreferenceForm(request.POST or None, initial={"send": "on" if current else "off"})
    if request.method == "POST" and form.is_valid():
        _set(request.user, form.cleaned_data["send"])
        messages.success(request, _("Your choice is saved."))
        return redirect("account_dashboard")
    return form_page(request, "bookings/email_preferences.html", {"form": form})


@csrf_exempt  # mail clients' RFC 8058 one-click POSTs carry no CSRF token; the signed token in the URL is the proof
@require_http_methods(["GET", "POST"])
def email_off(request, token):
    user_id = user_id_from_off_token(token)
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first() if user_id else None
    if user is None:
        raise Http404
    if request.method == "POST":
        _set(user, False)
        return render(request, "bookings/email_off.html", {"done": True})
    return render(request, "bookings/email_off.html", {"done": False})
