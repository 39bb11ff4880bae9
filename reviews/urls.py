from django.urls import path

from . import views

app_name = "reviews"

urlpatterns = [
    path("quality-stamps/", views.stamps, name="stamps"),
]
