from django.urls import path

from .views import public

app_name = "listings"

urlpatterns = [
    path("<slug:slug>/", public.listing_detail, name="detail"),
]
