from django.urls import path

from marketplace.core import urls_subscriptions

from . import views_saved
from .saved import SAVED_SEARCHES

app_name = "saved"

urlpatterns = [
    path("", views_saved.saved_searches, name="list"),
    path("save/", views_saved.save, name="save"),
    path("save/email/", views_saved.email, name="email"),
    *urls_subscriptions.urlpatterns(SAVED_SEARCHES),
    path("<int:pk>/delete/", views_saved.delete, name="delete"),
]
