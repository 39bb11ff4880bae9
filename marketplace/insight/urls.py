from django.urls import path

from . import views

app_name = "insight"

urlpatterns = [
    path("", views.index, name="index"),
    path("summary/", views.summary, name="summary"),
    path("<slug:slug>/", views.page, name="page"),
    path("<slug:slug>/<slug:table>.<str:fmt>", views.download, name="download"),
]
