"""Public pages for reviews: the stamps and their criteria."""

from django.conf import settings
from django.shortcuts import render
from wagtail.models import Locale

from providers.views.public import localize_terms

from .models import QualityStamp


def stamps(request):
    """Every stamp with its criteria; search results and listings link to a stamp's anchor (#stamp-<slug>)."""
    default = QualityStamp.objects.filter(locale=Locale.get_default(), is_active=True)
    context = {"stamps": localize_terms(default), "min_endorsers": settings.REVIEW_STAMP_MIN_ENDORSERS}
    return render(request, "reviews/stamps.html", context)
