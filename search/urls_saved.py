from django.urls import path

from . import views_saved

app_name = "saved"

urlpatterns = [
    path("", views_saved.saved_searches, name="list"),
    path("save/", views_saved.save, name="save"),
    path("save/email/", views_saved.email, name="email"),
    path("check-your-email/", views_saved.check_email, name="check_email"),
    path("confirm/<str:token>/", views_saved.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views_saved.unsubscribe, name="unsubscribe"),
    path("unsubscribed/", views_saved.unsubscribed, name="unsubscribed"),
    path("<int:pk>/delete/", views_saved.delete, name="delete"),
]
