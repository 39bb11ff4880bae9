from django.urls import path

from marketplace.core import urls_subscriptions

from . import views
from .alerts import ALERTS

app_name = "alerts"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    *urls_subscriptions.urlpatterns(ALERTS),
]
