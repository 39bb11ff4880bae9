from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, reverse_lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from search import views as search_views

from .core import views
from .payments import views as payments_views

urlpatterns = [
    # The admin signs in through allauth, which rate-limits attempts and asks for the second factor.
    path("admin/login/", RedirectView.as_view(url=reverse_lazy("account_login"), query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("payments/stripe/webhook/", payments_views.stripe_webhook, name="stripe_webhook"),
    # Open data is published in the default language, at one address for every visitor.
    path("open-data/oruk/", include("marketplace.opendata.urls")),
]

urlpatterns += i18n_patterns(
    path("accounts/dashboard/", views.account_dashboard, name="account_dashboard"),
    path("accounts/language/", views.account_language, name="account_language"),
    path("accounts/sign-out-everywhere/", views.sign_out_everywhere, name="account_sign_out_everywhere"),
    path("accounts/acting/", include("marketplace.acting.urls")),
    path("accounts/email-choices/", include("marketplace.core.urls_email_choices")),
    path("accounts/", include("allauth.urls")),
    path("alerts/", include("home.urls")),
    path("dashboard/", include("providers.urls_dashboard")),
    path("bookings/", include("marketplace.bookings.urls")),
    path("support/", include("providers.urls_public")),
    path("reviews/", include("reviews.urls")),
    path("enquiries/", include("marketplace.enquiries.urls")),
    path("dashboard/payments/", include("marketplace.payments.urls")),
    path("invoices/", include("marketplace.payments.invoices.urls")),
    path("budgets/", include("marketplace.budgets.urls")),
    path("accounts/your-data/", include("marketplace.core.urls_privacy")),
    path("search/", search_views.guidance_search, name="search"),
    path("find-support/", include("search.urls")),
    path("insight/", include("marketplace.insight.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler500 = "marketplace.core.errors.server_error"
