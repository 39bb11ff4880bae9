from django.urls import path

from . import views

app_name = "enquiries"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("new/<slug:slug>/", views.new, name="new"),
    path("<int:pk>/", views.thread, name="thread"),
    path("<int:pk>/share/", views.share, name="share"),
    path("<int:pk>/report/", views.report, name="report"),
    path("<int:pk>/block/", views.block, name="block"),
    path("suppliers/<int:pk>/", views.supplier_inbox, name="supplier_inbox"),
]
