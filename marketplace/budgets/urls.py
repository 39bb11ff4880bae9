from django.urls import path

from . import views

app_name = "budgets"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("record/", views.record, name="record"),
    path("spending/", views.spend, name="spend"),
    path("correct/", views.correct, name="correct"),
    path("sharing/", views.sharing, name="sharing"),
    path("receipts/<int:pk>/", views.receipt, name="receipt"),
    path("council/", views.council, name="council"),
    path("council/<int:pk>/", views.council_ledger, name="council_ledger"),
    path("council/<int:pk>/return.csv", views.council_return, name="council_return"),
    path("council/<int:pk>/return.pdf", views.council_return_pdf, name="council_return_pdf"),
    path("council/<int:pk>/receipts/<int:entry_pk>/", views.council_receipt, name="council_receipt"),
]
