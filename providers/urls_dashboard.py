app_name = "providers"

from django.urls import path  # noqa: F401

urlpatterns = []
