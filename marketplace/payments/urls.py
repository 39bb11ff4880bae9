from django.urls import path

from . import views

app_name = "payments"

urlpatterns = [
    path("suppliers/<int:pk>/", views.supplier, name="supplier"),
    path("suppliers/<int:pk>/stripe/refresh/", views.refresh, name="refresh"),
    path("suppliers/<int:pk>/stripe/return/", views.came_back, name="return"),
]
