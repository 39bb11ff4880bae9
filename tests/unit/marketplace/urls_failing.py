"""The site's URLs plus a page that always fails (also in each language), for the error page and email tests."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from marketplace.urls import handler500, urlpatterns  # noqa: F401 - handler500: Django reads it from this module


def broken_page(request):
    raise RuntimeError("the page broke")


urlpatterns = [
    path("broken/", broken_page),
    *i18n_patterns(path("broken-page/", broken_page), prefix_default_language=False),
    *urlpatterns,
]
