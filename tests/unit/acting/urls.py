"""The site's URLs plus three pages that do what enquiries and bookings will do: check the scope, act for the
principal, and write the person's log. Used with `@pytest.mark.urls`."""

from django.http import HttpResponse
from django.urls import path
from django.utils.translation import gettext_lazy

from marketplace import urls as site_urls
from marketplace.acting import context
from marketplace.acting.models import Scope


def _acting_page(scope):
    def view(request):
        context.require(request, scope)
        context.record(
            request,
            scope,
            gettext_lazy("You are now acting for %(name)s."),
            url="/find-support/",
            name="Leith Home Support",
        )
        return HttpResponse(f"principal={context.principal(request).email}", content_type="text/plain")

    return view


urlpatterns = [
    path("test-acting/enquire/", _acting_page(Scope.ENQUIRE)),
    path("test-acting/messages/", _acting_page(Scope.MESSAGES)),
    path("test-acting/book/", _acting_page(Scope.BOOK)),
    path("test-acting/money/", _acting_page(Scope.MONEY)),
    *site_urls.urlpatterns,
]
