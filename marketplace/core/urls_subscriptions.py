"""The shared pages of one kind of email subscription, for the app's URLconf:

urlpatterns = [path("", views.subscribe, name="subscribe"), *urls_subscriptions.urlpatterns(ALERTS)]
"""

from django.urls import path

from . import subscription_views as views


def urlpatterns(kind):
    return [
        path("check-your-email/", views.check_email, {"kind": kind}, name="check_email"),
        path("confirm/<str:token>/", views.confirm, {"kind": kind}, name="confirm"),
        path("unsubscribe/<str:token>/", views.unsubscribe, {"kind": kind}, name="unsubscribe"),
        path("unsubscribed/", views.unsubscribed, {"kind": kind}, name="unsubscribed"),
    ]
