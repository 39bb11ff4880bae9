app_name = "privacy"

from django.urls import path  # noqa: F401

urlpatterns = []
