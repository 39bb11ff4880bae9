from django.urls import include, path

from . import views

app_name = "find"

urlpatterns = [
    path("", views.find_support, name="support"),
    path("saved/", include("search.urls_saved")),
]
