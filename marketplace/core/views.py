from allauth.mfa.utils import is_mfa_enabled
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from . import account_panels
from .form_errors import error_list


@login_required
def account_dashboard(request):
    return render(
        request,
        "account/dashboard.html",
        {
            "language_name": dict(settings.LANGUAGES).get(request.user.preferred_language),
            "mfa_enabled": is_mfa_enabled(request.user),
            "panels": account_panels.panels(request.user, request),
        },
    )


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=gettext_lazy("Which language do you want to use?"),
        help_text=gettext_lazy("We use it for pages after you sign in and for every email we send you."),
        choices=settings.LANGUAGES,
        error_messages={
            "required": gettext_lazy("Select a language"),
            "invalid_choice": gettext_lazy("Select a language from the list"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def account_language(request):
    """The person's chosen language, for pages after they sign in and for every email."""
    form = LanguageForm(request.POST or None, initial={"language": request.user.preferred_language})
    if request.method == "POST" and form.is_valid():
        language = form.cleaned_data["language"]
        request.user.preferred_language = language
        request.user.save(update_fields=["preferred_language"])
        with translation.override(language):
            messages.success(request, _("Your language is saved."))
            return redirect(reverse("account_dashboard"))
    languages = [(code, name, translation.get_language_info(code)["bidi"]) for code, name in settings.LANGUAGES]
    context = {"form": form, "errors": error_list(form), "languages": languages}
    return render(request, "account/language.html", context, status=400 if form.is_bound else 200)


@login_required
@require_http_methods(["GET", "POST"])
def sign_out_everywhere(request):
    """Ends every session of this person (phones, shared computers, a browser left signed in), this one too."""
    if request.method == "POST":
        request.user.end_all_sessions()
        logout(request)
        messages.success(request, _("You are signed out on every device. Sign in again to carry on."))
        return redirect(settings.LOGIN_URL)
    return render(request, "account/sign_out_everywhere.html")
