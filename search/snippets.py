"""Admin screens for what editors set in search (shown in the Directory menu: see `search.apps`)."""

from wagtail.snippets.views.snippets import SnippetViewSet

from .models import DirectPaymentRate


class DirectPaymentRateViewSet(SnippetViewSet):
    model = DirectPaymentRate
    icon = "form"
    list_display = ["council_area", "service_type", "hourly_rate", "effective_from"]
    list_filter = ["council_area"]
    ordering = ["council_area__name", "-effective_from"]
    search_backend_name = None  # not indexed: search the database directly
    search_fields = ["council_area__name", "notes"]
