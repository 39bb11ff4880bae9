from django.urls import path

from ..cards import views as cards
from . import views

app_name = "invoices"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/pdf/", views.invoice_pdf, name="pdf"),
    path("<int:pk>/credit/", views.credit, name="credit"),
    path("<int:pk>/pay/", views.pay, name="pay"),
    path("<int:pk>/refund/", views.refund, name="refund"),
    path("cards/", cards.cards, name="cards"),
    path("cards/saved/", cards.saved, name="card_saved"),
    path("cards/<int:pk>/remove/", cards.remove, name="card_remove"),
    path("suppliers/<int:pk>/", views.supplier_invoices, name="supplier"),
    path("suppliers/<int:pk>/vat/", views.vat, name="vat"),
]
