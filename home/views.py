from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from . import alerts
from .forms import AlertSubscriptionForm


@require_http_methods(["GET", "POST"])
def subscribe(request):
    form = AlertSubscriptionForm(request.POST or None, initial=request.GET or None)
    if request.method == "POST":
        if form.is_valid():
            topics, audiences = form.cleaned_data["topics"], form.cleaned_data["audiences"]
            return alerts.ALERTS.sign_up(
                request,
                form.cleaned_data["email"],
                lambda email: alerts.request_subscription(email, topics, audiences, get_language()),
            )
        return render(request, "home/alerts/subscribe.html", {"form": form}, status=400)
    return render(request, "home/alerts/subscribe.html", {"form": form})
