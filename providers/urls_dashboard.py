from django.urls import path

from .views import dashboard

app_name = "providers"

urlpatterns = [
    path("", dashboard.home, name="home"),
    path("organisations/new/", dashboard.organisation_create, name="organisation_create"),
    path("organisations/<int:pk>/", dashboard.organisation_edit, name="organisation_edit"),
    path("organisations/<int:pk>/members/", dashboard.organisation_invite, name="organisation_invite"),
    path("suppliers/<int:pk>/listings/new/", dashboard.supplier_listing_create, name="supplier_listing_create"),
    path("suppliers/<int:pk>/checks/", dashboard.supplier_checks, name="supplier_checks"),
    path("invitations/<str:token>/", dashboard.accept_invitation, name="accept_invitation"),
    path("personal-assistant/", dashboard.pa_profile, name="pa_profile"),
    path("listings/<int:pk>/", dashboard.listing_edit, name="listing_edit"),
    path("listings/<int:pk>/confirm/", dashboard.listing_confirm, name="listing_confirm"),
    path("listings/<int:pk>/archive/", dashboard.listing_archive, name="listing_archive"),
    path("listings/<int:pk>/photos/", dashboard.listing_photos, name="listing_photos"),
    path(
        "listings/<int:pk>/photos/<int:photo_pk>/delete/", dashboard.listing_photo_delete, name="listing_photo_delete"
    ),
]
