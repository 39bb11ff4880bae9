from django.urls import path

from . import views, views_groups, views_providers

app_name = "reviews"

urlpatterns = [
    path("quality-stamps/", views.stamps, name="stamps"),
    path("yours/", views.mine, name="mine"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
    path("write/<slug:slug>/", views.write, name="write"),
    path("of/<slug:slug>/", views.listing_all, name="listing_all"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/reply/", views_providers.reply, name="reply"),
    path("<int:pk>/report/", views_providers.report, name="report"),
    path("listings/<int:pk>/", views_providers.manage, name="manage"),
    path("peer-groups/<int:pk>/", views_groups.peer_group, name="peer_group"),
    path("peer-groups/<int:pk>/members/<int:member_pk>/withdraw/", views_groups.withdraw, name="withdraw"),
]
