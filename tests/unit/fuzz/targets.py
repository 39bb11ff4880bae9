"""Every view the site serves, and how to fuzz it: who visits (anonymous and the roles it is for), which methods,
which query parameters it reads, and a valid form submission to start from (each field is then kept, dropped,
repeated or replaced with something hostile). Fields shown on the page that a baseline does not name are found by
reading the page's own form, so a new field is fuzzed without an entry here.

A URL pattern without an entry here or in ALLOWED fails test_every_view_has_a_fuzz_entry.
"""

from dataclasses import dataclass, field
from datetime import date

from providers.models import Listing, PersonalAssistant
from tests.unit.providers.conftest import listing_form_data
from tests.unit.reviews.conftest import review_data

from . import bookings, budgets, cards, insight, invoices
from .world import ROLES

FIND_SUPPORT_PARAMS = {
    "where": ["EH6 5AA", "EH6", "Leith", "Edinburgh", "ZZ99 9ZZ"],
    "near": ["55.97,-3.17", "91,181"],
    "q": ["dementia", "polish speaking carer"],
    "need": ["dementia", "autism"],
    "service": ["personal-assistant"],
    "funding": ["direct-payment"],
    "language": ["polish"],
    "gender": ["woman", "man", "non_binary"],
    "day": ["0", "6"],
    "time": ["morning", "evening"],
    "short_notice": ["on"],
    "verified": ["on"],
    "accepting": ["on"],
    "rating": ["4", "3"],
    "stamp": ["reliable"],
    "max_price": ["20", "18.50"],
    "within": ["5", "200"],
    "units": ["mi", "km"],
    "sort": ["best", "nearest", "price", "rating"],
    "page": ["1", "2"],
}


@dataclass(frozen=True)
class Target:
    name: str  # the URL name, namespaced
    roles: tuple = ("anonymous", "person")
    methods: tuple = ("GET",)
    kwargs: dict = field(default_factory=dict)  # URL argument -> key in World.ids for its real values
    params: dict = field(default_factory=dict)  # query parameter -> valid values
    form: object = None  # (world, role) -> a valid POST body
    examples: int = 90
    i18n: bool = True  # served under a language prefix as well

    def __str__(self):
        return self.name


def _email(world, role):
    return {"email": "someone.new@fuzz.example"}


def _enquiry(world, role):
    from .world import enquiry_form

    return enquiry_form()


def _listing(world, role):
    pk = world.real("pa_listing")[0] if role == "pa" else world.real("listing")[0]
    data = listing_form_data(Listing.objects.get(pk=pk), action="save")
    data.update(
        needs=world.real("need")[:2], languages=world.real("language")[:1], council_areas=world.real("council_area")
    )
    return data


def _pa_profile(world, role):
    profile = PersonalAssistant.objects.filter(user=world.users.get(role)).first()
    return {
        "display_name": profile.supplier.name if profile else "Sam T",
        "bio": "I have supported older people at home for ten years.",
        "experience_years": "10",
        "languages": world.real("language")[:2],
        "gender": "woman",
        "employment": "self_employed",
        "home_postcode": "EH6 5AA",
        "photo_alt_text": "",
    }


def _organisation(world, role):
    return {
        "name": "Fuzz Care Co-op",
        "kind": "charity",
        "regulator": "",
        "registration_number": "",
        "website": "www.example.org",
        "phone": "0131 496 0000",
        "email": "hello@fuzz.example",
        "description": "Support at home.",
    }


def _check(world, role):
    return {
        "kind": "insurance",
        "detail": "",
        "reference": "AB123",
        "issued_on": "2025-01-01",
        "expires_on": "2027-01-01",
    }


def _alerts(world, role):
    return {"email": "alerts@fuzz.example", "topics": world.real("topic")[:1], "audiences": world.real("audience")[:1]}


def _save_search(world, role):
    return {"query": "where=EH6+5AA&need=dementia"}


def _save_search_email(world, role):
    return {"query": "where=EH6+5AA&need=dementia", "email": "saver@fuzz.example"}


def _reply(world, role):
    return {"text": "Thank you for taking the time to write this."}


def _acting_invitation(world, role):
    return {
        "helper_name": "Sana",
        "relationship": "Daughter",
        "email": "daughter@fuzz.example",
        "scopes": ["enquire", "book"],
        "basis": "informal",
        "until_day": "31",
        "until_month": "3",
        "until_year": str(date.today().year + 1),
    }


def _acting_switch(world, role):
    return {"act_for": str(world.real("arrangement")[0]) if role == "helper" else "self"}


def _report(world, role):
    return {"reason": "not_a_client", "details": "We have never supported this person."}


def _password(world, role):
    return {"password": world.password}


def _login(world, role):
    return {"login": "person@fuzz.example", "password": world.password}


def _signup(world, role):
    return {
        "email": "new.person@fuzz.example",
        "password1": "a-long-new-password-42",
        "password2": "a-long-new-password-42",
    }


def _change_password(world, role):
    return {"oldpassword": world.password, "password1": "a-long-new-password-42", "password2": "a-long-new-password-42"}


def _new_password(world, role):
    return {"password1": "a-long-new-password-42", "password2": "a-long-new-password-42"}


def _code(world, role):
    return {"code": "123456"}


def _reason(world, role):
    return {"reason": "Please add a rate card before we publish this."}


# The editors' queues' filters, for each queue and for its in-place refresh of results.
LISTING_QUEUE_FILTERS = {"status": ["submitted", "published"], "freshness": ["stale", "hidden"], "p": ["1", "2"]}
CHECK_QUEUE_FILTERS = {"status": ["pending", "verified"], "p": ["1", "2"]}
REVIEW_QUEUE_FILTERS = {"status": ["waiting", "held"], "p": ["1"]}
HELD_MESSAGE_FILTERS = {"status": ["held", "removed"], "p": ["1"]}
REPORT_FILTERS = {"status": ["open", "closed"], "p": ["1"]}

SIGNED_IN = ("anonymous", "person", "provider", "editor")
PROVIDERS = ("anonymous", "person", "provider", "pa")
EDITORS = ("anonymous", "person", "editor")
GET_POST = ("GET", "POST")
ACTING = ("anonymous", "person", "helper", "pa")

TARGETS = [
    # Guidance, alerts and Wagtail's public pages
    Target(
        "wagtail_serve",
        roles=("anonymous", "person", "editor"),
        kwargs={"path": "page_path"},
        params={"topic": ["employing-a-pa"], "audience": ["carers"], "page": ["1", "2"]},
        examples=200,
    ),
    Target("search", params={"q": ["personal assistant", "direct payment"], "page": ["1", "2"]}, examples=300),
    Target(
        "alerts:subscribe",
        methods=GET_POST,
        form=_alerts,
        params={"email": ["a@fuzz.example"], "topics": [], "audiences": []},
        examples=240,
    ),
    Target("alerts:check_email", examples=50),
    Target("alerts:confirm", methods=GET_POST, kwargs={"token": "alert_confirm_token"}, examples=120),
    Target(
        "alerts:unsubscribe",
        methods=GET_POST,
        kwargs={"token": "alert_unsubscribe_token"},
        form=lambda world, role: {"List-Unsubscribe": "One-Click"},
        examples=120,
    ),
    Target("alerts:unsubscribed", examples=50),
    Target(
        "wagtaildocs_serve",
        kwargs={"document_id": "document", "document_filename": "document_filename"},
        i18n=False,
        examples=100,
    ),
    Target(
        "wagtaildocs_authenticate_with_password",
        methods=GET_POST,
        kwargs={"restriction_id": "document"},
        params={"next": ["/"]},
        form=_password,
        i18n=False,
        examples=80,
    ),
    Target(
        "wagtailcore_authenticate_with_password",
        methods=GET_POST,
        kwargs={"page_view_restriction_id": "document", "page_id": "document"},
        params={"return_url": ["/"]},
        form=_password,
        i18n=False,
        examples=80,
    ),
    Target(
        "set_language",
        methods=GET_POST,
        form=lambda world, role: {"language": "ur", "next": "/ur/"},
        params={"next": ["/"]},
        i18n=False,
        examples=120,
    ),
    # Finding support
    Target("find:support", params=FIND_SUPPORT_PARAMS, examples=500),
    Target(
        "listings:detail",
        kwargs={"slug": "listing_slug"},
        params={"where": ["EH6 5AA", "Leith"], "near": ["55.97,-3.17"]},
        examples=180,
    ),
    Target("find:saved:list", roles=SIGNED_IN, examples=60),
    Target("find:saved:save", methods=("POST", "GET"), form=_save_search, examples=180),
    Target(
        "find:saved:email",
        methods=GET_POST,
        form=_save_search_email,
        params={"query": ["where=EH6&need=dementia"]},
        examples=180,
    ),
    Target("find:saved:check_email", examples=50),
    Target("find:saved:confirm", methods=GET_POST, kwargs={"token": "saved_token"}, examples=120),
    Target(
        "find:saved:unsubscribe",
        methods=GET_POST,
        kwargs={"token": "saved_token"},
        form=lambda world, role: {"List-Unsubscribe": "One-Click"},
        examples=120,
    ),
    Target("find:saved:unsubscribed", examples=50),
    Target("find:saved:delete", roles=SIGNED_IN, methods=("POST",), kwargs={"pk": "saved_search"}, examples=100),
    # Reviews
    Target("reviews:stamps", examples=50),
    Target("reviews:mine", roles=("anonymous", "reviewer", "coordinator"), examples=60),
    Target(
        "reviews:invitation",
        roles=("anonymous", "reviewer", "person"),
        methods=GET_POST,
        kwargs={"token": "review_invitation_token"},
        form=lambda world, role: review_data(),
        examples=220,
    ),
    Target(
        "reviews:write",
        roles=("anonymous", "reviewer", "person", "provider"),
        methods=GET_POST,
        kwargs={"slug": "listing_slug"},
        form=lambda world, role: review_data(),
        examples=300,
    ),
    Target("reviews:listing_all", kwargs={"slug": "listing_slug"}, params={"page": ["1", "2"]}, examples=120),
    Target(
        "reviews:edit",
        roles=("anonymous", "reviewer", "person"),
        methods=GET_POST,
        kwargs={"pk": "review"},
        form=lambda world, role: review_data(),
        examples=220,
    ),
    Target(
        "reviews:reply",
        roles=("anonymous", "provider", "reviewer"),
        methods=GET_POST,
        kwargs={"pk": "review"},
        form=_reply,
        examples=150,
    ),
    Target(
        "reviews:report",
        roles=("anonymous", "provider", "reviewer"),
        methods=GET_POST,
        kwargs={"pk": "review"},
        form=_report,
        examples=150,
    ),
    Target("reviews:manage", roles=PROVIDERS, methods=GET_POST, kwargs={"pk": "listing"}, form=_email, examples=150),
    Target(
        "reviews:peer_group",
        roles=("anonymous", "coordinator", "reviewer"),
        methods=GET_POST,
        kwargs={"pk": "peer_group"},
        form=_email,
        examples=150,
    ),
    Target(
        "reviews:withdraw",
        roles=("anonymous", "coordinator", "reviewer"),
        methods=("POST",),
        kwargs={"pk": "peer_group", "member_pk": "member"},
        examples=100,
    ),
    # Providers' dashboard
    Target("providers:home", roles=PROVIDERS, examples=60),
    Target("providers:organisation_create", roles=PROVIDERS, methods=GET_POST, form=_organisation, examples=160),
    Target(
        "providers:organisation_edit",
        roles=PROVIDERS,
        methods=GET_POST,
        kwargs={"pk": "organisation"},
        form=_organisation,
        examples=160,
    ),
    Target(
        "providers:organisation_invite",
        roles=PROVIDERS,
        methods=GET_POST,
        kwargs={"pk": "organisation"},
        form=lambda world, role: {"email": "new.member@fuzz.example", "role": "staff"},
        examples=150,
    ),
    Target(
        "providers:supplier_listing_create",
        roles=("anonymous", "provider", "pa", "person"),
        methods=GET_POST,
        kwargs={"pk": "supplier"},
        form=lambda world, role: {"title": "Day trips", "summary": "Days out.", "description": "<p>Days</p>"},
        examples=150,
    ),
    Target(
        "providers:supplier_checks",
        roles=("anonymous", "provider", "pa", "person"),
        methods=GET_POST,
        kwargs={"pk": "supplier"},
        form=_check,
        examples=150,
    ),
    Target(
        "providers:accept_invitation",
        roles=("anonymous", "person", "provider"),
        methods=GET_POST,
        kwargs={"token": "org_invitation_token"},
        examples=120,
    ),
    Target(
        "providers:pa_profile", roles=("anonymous", "pa", "person"), methods=GET_POST, form=_pa_profile, examples=220
    ),
    Target(
        "providers:listing_edit",
        roles=PROVIDERS,
        methods=GET_POST,
        kwargs={"pk": "listing"},
        params={"rows": ["1", "3"]},
        form=_listing,
        examples=220,
    ),
    Target("providers:listing_confirm", roles=PROVIDERS, methods=("POST",), kwargs={"pk": "listing"}, examples=100),
    Target("providers:listing_archive", roles=PROVIDERS, methods=GET_POST, kwargs={"pk": "listing"}, examples=100),
    Target(
        "providers:listing_photos",
        roles=PROVIDERS,
        methods=GET_POST,
        kwargs={"pk": "listing"},
        form=lambda world, role: {"alt_text": "A support worker and a man walking by the sea"},
        examples=160,
    ),
    Target(
        "providers:listing_photo_delete",
        roles=PROVIDERS,
        methods=GET_POST,
        kwargs={"pk": "listing", "photo_pk": "photo"},
        examples=100,
    ),
    # Your data
    Target("privacy:index", roles=SIGNED_IN, examples=50),
    Target("privacy:download", roles=("anonymous", "person", "provider", "pa", "reviewer"), examples=80),
    Target(
        "privacy:delete",
        roles=("anonymous", "person", "pa", "reviewer"),
        methods=GET_POST,
        form=_password,
        examples=130,
    ),
    Target("account_dashboard", roles=SIGNED_IN, examples=50),
    Target(
        "account_language",
        roles=SIGNED_IN,
        methods=GET_POST,
        form=lambda world, role: {"language": "ur"},
        examples=80,
    ),
    # Each case's change (every session of the user ended) is rolled back with the rest of the case.
    Target("account_sign_out_everywhere", roles=SIGNED_IN, methods=GET_POST, form=lambda world, role: {}, examples=40),
    # Enquiries
    Target("enquiries:mine", roles=(*SIGNED_IN, "helper"), params={"page": ["1", "2"]}, examples=60),
    Target(
        "enquiries:new",
        roles=("anonymous", "person", "provider", "pa", "helper"),
        methods=GET_POST,
        kwargs={"slug": "listing_slug"},
        params={"where": ["EH6", "Leith"], "easy": ["1"]},
        form=_enquiry,
        examples=200,
    ),
    Target(
        "enquiries:thread",
        roles=("anonymous", "person", "provider", "pa", "helper"),
        methods=GET_POST,
        kwargs={"pk": "enquiry"},
        form=lambda world, role: {"body": "Would Tuesday mornings suit you?"},
        examples=150,
    ),
    Target("enquiries:share", roles=("anonymous", "person", "provider"), methods=("POST",), kwargs={"pk": "enquiry"}),
    Target(
        "enquiries:report",
        roles=("anonymous", "person", "provider"),
        methods=GET_POST,
        kwargs={"pk": "enquiry"},
        form=lambda world, role: {"reason": "They asked for cash in hand."},
        examples=100,
    ),
    Target("enquiries:block", roles=("anonymous", "person", "provider"), methods=GET_POST, kwargs={"pk": "enquiry"}),
    Target(
        "enquiries:supplier_inbox",
        roles=("anonymous", "person", "provider"),
        kwargs={"pk": "supplier"},
        params={"page": ["1", "2"]},
        examples=80,
    ),
    # People acting for someone
    Target("acting:helpers", roles=ACTING, examples=60),
    Target("acting:invite", roles=ACTING, methods=GET_POST, form=_acting_invitation, examples=250),
    Target("acting:log", roles=ACTING, params={"page": ["1", "2", "last"]}, examples=80),
    Target("acting:end", roles=ACTING, methods=GET_POST, kwargs={"pk": "arrangement"}, examples=150),
    Target(
        "acting:invitation",
        roles=ACTING,
        methods=GET_POST,
        kwargs={"token": "acting_token"},
        form=lambda world, role: {"decision": "accept"},
        examples=150,
    ),
    Target("acting:switch", roles=ACTING, methods=GET_POST, form=_acting_switch, examples=120),
    # Payments: a supplier's Stripe account (the fuzz module points the site at stripe-mock), and Stripe's webhook
    Target(
        "payments:supplier",
        roles=PROVIDERS,
        methods=GET_POST,
        kwargs={"pk": "supplier"},
        form=lambda world, role: {"attempt": "fuzz-attempt-0123456789"},
        examples=150,
    ),
    Target("payments:refresh", roles=PROVIDERS, kwargs={"pk": "supplier"}, examples=80),
    Target("payments:return", roles=PROVIDERS, kwargs={"pk": "supplier"}, examples=80),
    Target(
        "stripe_webhook",
        roles=("anonymous", "provider"),
        methods=("POST",),
        form=lambda world, role: {"id": "evt_fuzz", "type": "account.updated", "created": "1700000000"},
        i18n=False,
        examples=120,
    ),
    # Editors' screens in the admin
    Target(
        "providers_admin:listing_queue",
        roles=EDITORS,
        i18n=False,
        params=LISTING_QUEUE_FILTERS,
        examples=100,
    ),
    Target("providers_admin:listing_review", roles=EDITORS, kwargs={"pk": "listing"}, i18n=False, examples=80),
    Target(
        "acting_admin:index",
        roles=EDITORS,
        params={"email": ["person@fuzz.example", "helper@fuzz.example"]},
        i18n=False,
        examples=80,
    ),
    Target(
        "acting_admin:end",
        roles=EDITORS,
        methods=GET_POST,
        kwargs={"pk": "arrangement"},
        form=lambda world, role: {"reason": "A safeguarding concern: the council asked us to stop this."},
        i18n=False,
        examples=120,
    ),
    Target(
        "providers_admin:listing_action",
        roles=EDITORS,
        methods=("POST",),
        i18n=False,
        kwargs={"pk": "listing", "action": "listing_action"},
        form=_reason,
        examples=150,
    ),
    Target(
        "providers_admin:verification_queue",
        roles=EDITORS,
        i18n=False,
        params=CHECK_QUEUE_FILTERS,
        examples=80,
    ),
    Target(
        "providers_admin:verification_evidence", roles=EDITORS, kwargs={"pk": "verification"}, i18n=False, examples=80
    ),
    Target(
        "providers_admin:verification_action",
        roles=EDITORS,
        methods=("POST",),
        i18n=False,
        kwargs={"pk": "verification", "action": "verification_action"},
        form=_reason,
        examples=130,
    ),
    Target(
        "reviews_admin:queue",
        roles=EDITORS,
        i18n=False,
        params=REVIEW_QUEUE_FILTERS,
        examples=80,
    ),
    Target("reviews_admin:review", roles=EDITORS, kwargs={"pk": "review"}, i18n=False, examples=80),
    # The queues' in-place refresh (Wagtail's listing views answer their filters with the results alone)
    Target(
        "providers_admin:listing_queue_results",
        roles=EDITORS,
        i18n=False,
        params=LISTING_QUEUE_FILTERS,
        examples=60,
    ),
    Target(
        "providers_admin:verification_queue_results",
        roles=EDITORS,
        i18n=False,
        params=CHECK_QUEUE_FILTERS,
        examples=60,
    ),
    Target(
        "reviews_admin:queue_results",
        roles=EDITORS,
        i18n=False,
        params=REVIEW_QUEUE_FILTERS,
        examples=60,
    ),
    Target(
        "reviews_admin:review_action",
        roles=EDITORS,
        methods=("POST",),
        i18n=False,
        kwargs={"pk": "review", "action": "review_action"},
        form=_reason,
        examples=130,
    ),
    Target(
        "reviews_admin:report_action",
        roles=EDITORS,
        methods=("POST",),
        i18n=False,
        kwargs={"pk": "report", "action": "report_action"},
        form=lambda world, role: {"note": "Checked."},
        examples=130,
    ),
    Target("enquiries_admin:queue", roles=EDITORS, i18n=False, params=HELD_MESSAGE_FILTERS, examples=60),
    Target("enquiries_admin:queue_results", roles=EDITORS, i18n=False, params=HELD_MESSAGE_FILTERS, examples=40),
    Target("enquiries_admin:reports", roles=EDITORS, i18n=False, params=REPORT_FILTERS, examples=60),
    Target("enquiries_admin:reports_results", roles=EDITORS, i18n=False, params=REPORT_FILTERS, examples=40),
    Target(
        "enquiries_admin:message_action",
        roles=EDITORS,
        methods=("POST",),
        i18n=False,
        kwargs={"pk": "message", "action": "message_action"},
        examples=100,
    ),
    Target(
        "enquiries_admin:close_report",
        roles=EDITORS,
        methods=("POST",),
        i18n=False,
        kwargs={"pk": "message"},
        form=lambda world, role: {"note": "Spoke to both."},
        examples=60,
    ),
    # Accounts (allauth, with the project's adapter and templates)
    Target("account_login", methods=GET_POST, params={"next": ["/dashboard/"]}, form=_login, examples=180),
    Target("account_logout", roles=SIGNED_IN, methods=GET_POST, examples=60),
    Target("account_inactive", examples=40),
    Target("account_signup", methods=GET_POST, form=_signup, examples=180),
    Target("account_reauthenticate", roles=SIGNED_IN, methods=GET_POST, form=_password, examples=90),
    Target(
        "account_email",
        roles=SIGNED_IN,
        methods=GET_POST,
        form=lambda world, role: {"email": "second@fuzz.example", "action_send": ""},
        examples=150,
    ),
    Target("account_email_verification_sent", examples=40),
    Target("account_change_password", roles=SIGNED_IN, methods=GET_POST, form=_change_password, examples=110),
    Target("account_set_password", roles=SIGNED_IN, methods=GET_POST, form=_new_password, examples=80),
    Target(
        "account_reset_password",
        methods=GET_POST,
        form=lambda world, role: {"email": "person@fuzz.example"},
        examples=130,
    ),
    Target("account_reset_password_done", examples=40),
    Target("account_confirm_login_code", methods=GET_POST, form=_code, examples=80),
    Target("account_confirm_email", methods=GET_POST, kwargs={"key": "email_key"}, examples=110),
    Target(
        "account_reset_password_from_key",
        methods=GET_POST,
        kwargs={"uidb36": "reset_uidb36", "key": "reset_key"},
        form=_new_password,
        examples=110,
    ),
    Target("account_reset_password_from_key_done", examples=40),
    Target("mfa_index", roles=SIGNED_IN, examples=50),
    Target("mfa_authenticate", methods=GET_POST, form=_code, examples=80),
    Target("mfa_reauthenticate", roles=SIGNED_IN, methods=GET_POST, form=_code, examples=80),
    Target("mfa_activate_totp", roles=SIGNED_IN, methods=GET_POST, form=_code, examples=90),
    Target("mfa_deactivate_totp", roles=SIGNED_IN, methods=GET_POST, form=_code, examples=60),
    Target("mfa_view_recovery_codes", roles=SIGNED_IN, examples=50),
    Target("mfa_generate_recovery_codes", roles=SIGNED_IN, methods=GET_POST, examples=50),
    Target("mfa_download_recovery_codes", roles=SIGNED_IN, examples=50),
]

# The open data API (Open Referral UK): JSON for anyone, outside the language prefixes.
ORUK_PAGES = {"page": ["1", "2"], "per_page": ["1", "50", "200"], "format": ["json", "ndjson"]}
ORUK_SERVICE_FILTERS = {
    **ORUK_PAGES,
    "search": ["dementia", "fuzz home"],
    "text": ["support"],
    "taxonomy_term_id": ["00000000-0000-0000-0000-000000000000"],
    "taxonomy_id": ["00000000-0000-0000-0000-000000000000"],
    "organization_id": ["00000000-0000-0000-0000-000000000000"],
    "modified_after": ["2025-01-01", "2025-01-01T09:00:00Z"],
    "postcode": ["EH6 5AA", "eh65aa", "ZZ99 9ZZ", "BT1 1AA"],
    "proximity": ["1000", "50000"],
    "full": ["true", "false"],
}
TARGETS += [
    Target("opendata:root", roles=("anonymous",), i18n=False, examples=40),
    Target("opendata:openapi", roles=("anonymous",), i18n=False, examples=30),
    Target("opendata:data_package", roles=("anonymous",), i18n=False, examples=30),
    Target(
        "opendata:services",
        roles=("anonymous",),
        i18n=False,
        params={**ORUK_SERVICE_FILTERS, "minimal": ["true", "false"]},
        examples=300,
    ),
    Target("opendata:service", roles=("anonymous",), i18n=False, kwargs={"service_id": "oruk_service"}, examples=100),
    Target(
        "opendata:organizations",
        roles=("anonymous",),
        i18n=False,
        params={**ORUK_PAGES, "search": ["fuzz"], "full": ["true"], "full_service": ["true", "false"]},
        examples=150,
    ),
    Target(
        "opendata:organization",
        roles=("anonymous",),
        i18n=False,
        kwargs={"organization_id": "oruk_organization"},
        params={"full_service": ["true"]},
        examples=100,
    ),
    Target(
        "opendata:taxonomies", roles=("anonymous",), i18n=False, params={**ORUK_PAGES, "search": ["need"]}, examples=80
    ),
    Target("opendata:taxonomy", roles=("anonymous",), i18n=False, kwargs={"taxonomy_id": "oruk_taxonomy"}, examples=60),
    Target(
        "opendata:taxonomy_terms",
        roles=("anonymous",),
        i18n=False,
        params={
            **ORUK_PAGES,
            "search": ["dementia"],
            "taxonomy_id": ["00000000-0000-0000-0000-000000000000"],
            "parent_id": ["00000000-0000-0000-0000-000000000000"],
            "top_only": ["true"],
        },
        examples=120,
    ),
    Target("opendata:taxonomy_term", roles=("anonymous",), i18n=False, kwargs={"term_id": "oruk_term"}, examples=60),
    Target(
        "opendata:service_at_locations",
        roles=("anonymous",),
        i18n=False,
        params=ORUK_SERVICE_FILTERS,
        examples=200,
    ),
    Target(
        "opendata:service_at_location",
        roles=("anonymous",),
        i18n=False,
        kwargs={"link_id": "oruk_service_at_location"},
        examples=60,
    ),
    Target("opendata:unknown", roles=("anonymous",), i18n=False, examples=30),
]
TARGETS += bookings.targets(Target, GET_POST, EDITORS)
TARGETS += invoices.targets(Target, GET_POST)
TARGETS += cards.targets(Target, GET_POST)
TARGETS += budgets.targets(Target, GET_POST)
TARGETS += insight.targets(Target)

# Values that a URL's word argument (an action) is really given.
ACTIONS = {
    "listing_action": ["approve", "reject", "suspend", "reinstate", "approve_change", "reject_change"],
    "verification_action": ["verify", "reject"],
    "review_action": ["publish", "reject"],
    "report_action": ["uphold", "dismiss"],
    "message_action": ["show", "remove"],
}
ACTIONS.update(bookings.ACTIONS)

# URL patterns with no fuzz entry, and why none is needed.
ALLOWED = {
    "wagtailcore_login": "Wagtail's sign-in for private pages: the site has none; sign-in is fuzzed through allauth",
}
# Every pattern under /admin/ served by Wagtail's own code (page editor, snippets, images, documents, localize, media):
# only editors reach it, after two-factor sign-in, and Wagtail tests it; the project's admin screens are fuzzed above.
ALLOWED_ADMIN_PREFIX = "admin/"
PROJECT_MODULES = ("home.", "providers.", "reviews.", "search.", "marketplace.")

assert all(role in ROLES for target in TARGETS for role in target.roles)
