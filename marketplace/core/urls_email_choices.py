from django.urls import path

from . import email_choice_views

app_name = "email_choices"

urlpatterns = [
    path("", email_choice_views.choices, name="choices"),
    path("off/<str:token>/", email_choice_views.off, name="off"),
]
