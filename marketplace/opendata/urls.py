"""The Open Referral UK API, mounted at /open-data/oruk/ outside the language prefixes (the data is published in the
site's default language). Paths match the standard's, with or without a trailing slash."""

from django.urls import path, re_path

from . import views

app_name = "opendata"

ID = r"(?P<{name}>[^/]+)"

urlpatterns = [
    path("", views.root, name="root"),
    re_path(r"^openapi\.json$", views.openapi_document, name="openapi"),
    re_path(r"^data-package\.zip$", views.data_package, name="data_package"),
    re_path(r"^services/?$", views.service_list, name="services"),
    re_path(rf"^services/{ID.format(name='service_id')}/?$", views.service_detail, name="service"),
    re_path(r"^organizations/?$", views.organization_list, name="organizations"),
    re_path(rf"^organizations/{ID.format(name='organization_id')}/?$", views.organization_detail, name="organization"),
    re_path(r"^taxonomies/?$", views.taxonomy_list, name="taxonomies"),
    re_path(rf"^taxonomies/{ID.format(name='taxonomy_id')}/?$", views.taxonomy_detail, name="taxonomy"),
    re_path(r"^taxonomy_terms/?$", views.taxonomy_term_list, name="taxonomy_terms"),
    re_path(rf"^taxonomy_terms/{ID.format(name='term_id')}/?$", views.taxonomy_term_detail, name="taxonomy_term"),
    re_path(r"^service_at_locations/?$", views.service_at_location_list, name="service_at_locations"),
    re_path(
        rf"^service_at_locations/{ID.format(name='link_id')}/?$",
        views.service_at_location_detail,
        name="service_at_location",
    ),
    # Anything else under the API answers in JSON too, so a consumer's client never has to parse an HTML page.
    re_path(r"^.+$", views.unknown, name="unknown"),
]
