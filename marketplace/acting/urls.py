from django.urls import path

from . import views

app_name = "acting"

urlpatterns = [
    path("", views.helpers, name="helpers"),
    path("invite/", views.invite, name="invite"),
    path("log/", views.log, name="log"),
    path("<int:pk>/end/", views.end, name="end"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
    path("act-for/", views.switch, name="switch"),
]
