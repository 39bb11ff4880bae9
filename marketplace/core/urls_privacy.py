from django.urls import path

from . import privacy_views as privacy

app_name = "privacy"

urlpatterns = [
    path("", privacy.index, name="index"),
    path("download/", privacy.download, name="download"),
    path("delete/", privacy.delete, name="delete"),
]
