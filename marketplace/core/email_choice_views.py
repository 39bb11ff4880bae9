"""The page where someone turns each kind of account email on or off, and the one-click link in those emails."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import email_choices
from .form_errors import error_list

ON, OFF = "on", "off"


class EmailChoicesForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for topic in email_choices.topics():
            self.fields[topic.name] = forms.TypedChoiceField(
                label=topic.label,
                help_text=topic.description,
                choices=[(ON, gettext_lazy("Yes, email me")), (OFF, gettext_lazy("No, I will check the site"))],
                coerce=lambda value: value == ON,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose yes or no"), "invalid_choice": _("Choose yes or no")},
            )


@login_required
@require_http_methods(["GET", "POST"])
def choices(request):
    current = email_choices.choices_of(request.user)
    initial = {name: ON if on else OFF for name, on in current.items()}
    form = EmailChoicesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        for name, send in form.cleaned_data.items():
            email_choices.set_choice(request.user, name, send)
        messages.success(request, _("Your choices are saved."))
        return redirect("account_dashboard")
    errors = error_list(form)
    return render(request, "core/email_choices.html", {"form": form, "errors": errors}, status=400 if errors else 200)


@csrf_exempt  # mail clients' RFC 8058 one-click POSTs carry no CSRF token; the signed token in the URL is the proof
@require_http_methods(["GET", "POST"])
def off(request, token):
    user, topic_name = email_choices.read_off_token(token)
    if user is None:
        raise Http404
    topic = email_choices.topic(topic_name)
    if request.method == "POST":
        email_choices.set_choice(user, topic_name, False)
        return render(request, "core/email_off.html", {"topic": topic, "done": True})
    return render(request, "core/email_off.html", {"topic": topic, "done": False})
