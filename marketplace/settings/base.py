"""Settings shared by every environment. Values that differ per deployment come from the environment (see env.py)."""

from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_list, env_str
from .logs import logging_config

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

SITE_NAME = env_str("SITE_NAME", "Self-directed Support Hub")
# Map tiles for the find-support map, fetched by visitors' browsers (empty: markers without a background map).
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_ATTRIBUTION = env_str("MAP_ATTRIBUTION", "© OpenStreetMap contributors")
COUNCIL_NAME = env_str("COUNCIL_NAME", "Demo Council")

INSTALLED_APPS = [
    "marketplace.core",
    "marketplace.demo",
    "marketplace.geography",
    "marketplace.acting",
    "marketplace.enquiries",
    "marketplace.opendata",
    "marketplace.insight",
    "marketplace.bookings",
    "marketplace.payments",
    "marketplace.budgets",
    "home",
    "search",
    "providers",
    "reviews",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtailmedia",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "django.forms",  # Django's own form templates, found by the site's engine (FORM_RENDERER)
]

MIDDLEWARE = [
    "marketplace.core.request_id.RequestIdMiddleware",
    # Answers /health/ before host checks and the HTTPS redirect, so a load balancer may ask by IP over plain HTTP.
    "marketplace.core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Below the HTTPS redirect; above everything else, so that a stored page skips the rest of the stack.
    "marketplace.core.page_cache.AnonymousPageCacheMiddleware",
    "marketplace.core.security_headers.SiteCSPMiddleware",
    "marketplace.core.security_headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below WhiteNoise, which serves its own pre-compressed files.
    "django.middleware.gzip.GZipMiddleware",
    "marketplace.core.middleware.DropUnreadableCookiesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "marketplace.core.middleware.RejectNullCharactersMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "marketplace.core.sessions.ShortSessionMiddleware",
    "marketplace.core.middleware.RequireMfaForAdminMiddleware",
    "marketplace.core.sessions.RequireMfaForAreasMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "marketplace.urls"
WSGI_APPLICATION = "marketplace.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "marketplace.core.context_processors.site",
                "marketplace.acting.context_processors.acting",
            ],
        },
    },
]

# Form widgets through the site's template engine, so `templates/django/forms/` can replace Django's slowest widget
# template (`widgets/attrs.html`, written by `marketplace.core.templatetags.widget_tags`).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Databases: SQLite (WAL) by default so a new machine needs nothing else; DATABASE_URL selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "marketplace.User"

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Cache: rate limits (allauth) need a cache shared by every worker process in production.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pages",
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    }

# Accounts that can see other people's data (marketplace/core/account_rules.py): sessions end after 30 idle minutes
# and 12 hours at most. Members of these groups count, besides staff, editors and suppliers' members.
SHORT_SESSION_IDLE_SECONDS = env_int("SHORT_SESSION_IDLE_SECONDS", 30 * 60)
SHORT_SESSION_MAX_SECONDS = env_int("SHORT_SESSION_MAX_SECONDS", 12 * 60 * 60)
SHORT_SESSION_GROUPS = ["Commissioners", "Moderators", "Council finance"]

# Whole pages for anonymous visitors (marketplace/core/page_cache.py); 0 turns the page cache off.
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# Each server process also keeps the pages it served from the cache in its own memory, up to this many bytes (0: not
# at all), and looks at most this often whether they are still current: a change shows in every process after at most
# PAGE_CACHE_CHECK_SECONDS (marketplace/core/page_cache_memory.py).
PAGE_CACHE_MEMORY_BYTES = env_int("PAGE_CACHE_MEMORY_BYTES", 16 * 1024 * 1024)
PAGE_CACHE_CHECK_SECONDS = env_int("PAGE_CACHE_CHECK_SECONDS", 1)
# Values each process keeps (search documents, the search form's terms, header and footer links) are checked against
# the shared cache at most this often: another process's change shows here within it (marketplace/core/generations.py).
KEPT_VALUES_CHECK_SECONDS = env_int("KEPT_VALUES_CHECK_SECONDS", 1)
# The views whose anonymous pages are stored (Wagtail's pages, listing pages); nothing else ever is.
PAGE_CACHE_VIEWS = {"wagtail_serve", "listings:detail"}
# Paths (after any language prefix) never even looked up: each is for one person, carries a form, or is searched with
# endless query strings.
PAGE_CACHE_EXCLUDED_PREFIXES = (
    "/admin/", "/accounts/", "/dashboard/", "/alerts/", "/reviews/", "/enquiries/", "/find-support/", "/search/",
    "/i18n/", "/documents/", "/health/", "/static/", "/media/", "/bookings/", "/open-data/",
    "/invoices/", "/budgets/", "/insight/",
)  # fmt: skip

# Accounts (django-allauth): email login, mandatory verification, no account enumeration, MFA.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "account_dashboard"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_ADAPTER = "marketplace.core.adapters.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME

# Wagtail
WAGTAIL_SITE_NAME = SITE_NAME
# No Gravatar avatars in the admin: they would send a hash of each editor's email to a third party (and the
# admin's Content-Security-Policy allows images from this site only).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "vtt", "xlsx", "ods"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILMEDIA = {"MEDIA_MODEL": "wagtailmedia.Media"}
# Wagtail's database search, with words cleaned of what breaks its query syntax (see marketplace/search_backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "marketplace.core.search_backend"}}
SEARCH_URL = env_str("SEARCH_URL")
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": env_str("SEARCH_BACKEND", "wagtail.search.backends.elasticsearch8"),
        "URLS": [SEARCH_URL],
        "INDEX_PREFIX": env_str("SEARCH_INDEX_PREFIX", "sds_"),
        "TIMEOUT": env_int("SEARCH_TIMEOUT_SECONDS", 5),
        "ATOMIC_REBUILD": True,
    }
# Listing search ("find support"): Elasticsearch when an engine is configured, otherwise the database backend.
# The listing engine may differ from Wagtail's page search engine (tests point it at an in-memory server).
LISTING_SEARCH_URL = env_str("LISTING_SEARCH_URL", SEARCH_URL)
LISTING_SEARCH_BACKEND = env_str("LISTING_SEARCH_BACKEND", "elasticsearch" if LISTING_SEARCH_URL else "database")
if LISTING_SEARCH_BACKEND not in ("database", "elasticsearch"):
    raise ImproperlyConfigured("LISTING_SEARCH_BACKEND must be 'database' or 'elasticsearch'.")
# Which engine that is: Elasticsearch 8/9 or OpenSearch 2/3 (each has its own client library; see search/clients.py).
# By default, the kind of engine page search was given.
LISTING_SEARCH_ENGINE = env_str(
    "LISTING_SEARCH_ENGINE", "opensearch" if "opensearch" in env_str("SEARCH_BACKEND", "") else "elasticsearch"
)
if LISTING_SEARCH_ENGINE not in ("elasticsearch", "opensearch"):
    raise ImproperlyConfigured("LISTING_SEARCH_ENGINE must be 'elasticsearch' or 'opensearch'.")
LISTING_SEARCH_INDEX = env_str("LISTING_SEARCH_INDEX", "sds-listings")
LISTING_SEARCH_TIMEOUT_SECONDS = env_int("LISTING_SEARCH_TIMEOUT_SECONDS", 2)
LISTING_SEARCH_NODE_CLASS = None  # tests only: a dotted path to an elastic_transport node class (Elasticsearch)
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Languages. The public site is offered in all of these; interface strings are translated where a catalogue exists.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("gd", "Gàidhlig"),
    ("cy", "Cymraeg"),
    ("pl", "Polski"),
    ("ur", "اردو"),
    ("pa", "ਪੰਜਾਬੀ"),
    ("ar", "العربية"),
    ("zh-hans", "简体中文"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English")]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/London"

# Static files: sources live in static/, compiled CSS and JS in static/dist/ (git-ignored).
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static" / "dist"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "private")))
# Where `manage.py backup_site` writes backups unless told otherwise (marketplace/core/backups.py).
BACKUP_DIR = Path(env_str("BACKUP_DIR", str(BASE_DIR / "var" / "backups")))
# The postcode file built by `manage.py build_geography` (marketplace/geography).
GEOGRAPHY_DATA_DIR = Path(env_str("GEOGRAPHY_DATA_DIR", str(BASE_DIR / "var" / "geography")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Verification evidence: never under MEDIA_ROOT, never given a public URL.
    "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": PRIVATE_MEDIA_ROOT}},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Background tasks (django-tasks): emails and index updates. Run `manage.py db_worker` beside the web process.
TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}

# Email
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", f"{SITE_NAME} <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "  # error emails to ADMINS
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)

# Security defaults that hold everywhere.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"


def _origin(url):
    """The scheme and host of a URL template such as https://{s}.tile.example/{z}/{x}/{y}.png ({s} becomes *)."""
    parts = urlsplit(url.replace("{s}", "*"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


# No 'unsafe-inline' anywhere on the public site: scripts and styles are files under /static/ (see
# marketplace/core/security_headers.py for the admin's own policy and why).
_PUBLIC_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", *filter(None, [_origin(MAP_TILE_URL)])],
    "media-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "frame-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _PUBLIC_CSP}
ADMIN_CSP_PREFIX = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY = {
    **_PUBLIC_CSP,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    # Page previews and choosers open this site's own pages in frames.
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}
PERMISSIONS_POLICY = {
    "accelerometer": "()",
    "autoplay": "()",
    "camera": "()",
    "display-capture": "()",
    "encrypted-media": "()",
    "fullscreen": "(self)",  # guidance videos
    "geolocation": "(self)",  # find support's "use my location"
    "gyroscope": "()",
    "magnetometer": "()",
    "microphone": "()",
    "midi": "()",
    "payment": "()",
    "usb": "()",
}

# Guidance
GUIDANCE_REVIEW_REMINDER_DAYS = env_int("GUIDANCE_REVIEW_REMINDER_DAYS", 14)

# Listings: reconfirm every ~6 months; after that a listing is demoted, then hidden after a grace period.
LISTING_RECONFIRM_AFTER_DAYS = env_int("LISTING_RECONFIRM_AFTER_DAYS", 183)
LISTING_STALE_GRACE_DAYS = env_int("LISTING_STALE_GRACE_DAYS", 30)
LISTING_REMINDER_DAYS = env_int("LISTING_REMINDER_DAYS", 14)
VERIFICATION_EXPIRY_REMINDER_DAYS = env_int("VERIFICATION_EXPIRY_REMINDER_DAYS", 30)
LISTING_PHOTO_MAX_BYTES = env_int("LISTING_PHOTO_MAX_BYTES", 5 * 1024 * 1024)
LISTING_PHOTO_MAX_PIXELS = env_int("LISTING_PHOTO_MAX_PIXELS", 25_000_000)
LISTING_PHOTOS_MAX = env_int("LISTING_PHOTOS_MAX", 12)
CHECKS_PER_SUPPLIER_PER_DAY = env_int("CHECKS_PER_SUPPLIER_PER_DAY", 10)
LISTING_SAVES_PER_HOUR = env_int("LISTING_SAVES_PER_HOUR", 60)

# Emails to someone other than the signed-in person (sign-ups, invitations, vouching): at most this many an hour from
# one client, and to one address (marketplace/ratelimits.py).
EMAILS_TO_OTHERS_PER_HOUR_PER_CLIENT = env_int("EMAILS_TO_OTHERS_PER_HOUR_PER_CLIENT", 20)
EMAILS_TO_OTHERS_PER_HOUR_PER_RECIPIENT = env_int("EMAILS_TO_OTHERS_PER_HOUR_PER_RECIPIENT", 3)
ACCOUNT_EMAILS_PER_HOUR_PER_RECIPIENT = env_int("ACCOUNT_EMAILS_PER_HOUR_PER_RECIPIENT", 5)

# Enquiries (marketplace/enquiries): limits on new enquiries and messages, and the reply record shown on listings.
ENQUIRIES_PER_PERSON_PER_DAY = env_int("ENQUIRIES_PER_PERSON_PER_DAY", 10)
ENQUIRIES_PER_LISTING_PER_HOUR = env_int("ENQUIRIES_PER_LISTING_PER_HOUR", 20)
MESSAGES_PER_THREAD_PER_HOUR = env_int("MESSAGES_PER_THREAD_PER_HOUR", 30)
REPLY_TIME_WINDOW_DAYS = env_int("REPLY_TIME_WINDOW_DAYS", 90)
REPLY_TIME_MIN_ENQUIRIES = env_int("REPLY_TIME_MIN_ENQUIRIES", 3)

# Saved searches (search/saved.py): per address, and sign-ups allowed per hour per IP address and per email address.
SAVED_SEARCH_MAX_PER_EMAIL = env_int("SAVED_SEARCH_MAX_PER_EMAIL", 20)
SAVED_SEARCH_SIGNUPS_PER_HOUR_PER_IP = env_int("SAVED_SEARCH_SIGNUPS_PER_HOUR_PER_IP", 20)
SAVED_SEARCH_SIGNUPS_PER_HOUR_PER_EMAIL = env_int("SAVED_SEARCH_SIGNUPS_PER_HOUR_PER_EMAIL", 3)

# Reviews and quality stamps (reviews/): a stamp is awarded while at least this many distinct verified reviewers
# endorsed it within the window; invitations expire; reviewers may write a few a day; a burst of reviews for one
# listing goes to an editor.
REVIEW_STAMP_MIN_ENDORSERS = env_int("REVIEW_STAMP_MIN_ENDORSERS", 3)
REVIEW_STAMP_WINDOW_DAYS = env_int("REVIEW_STAMP_WINDOW_DAYS", 365)
# No one source (a peer group, or the provider's own invitations) brings more than this many endorsers to a stamp, or
# weighs more than this many reviews in a rating (reviews/independence.py).
REVIEW_MAX_COUNTED_PER_SOURCE = env_int("REVIEW_MAX_COUNTED_PER_SOURCE", 2)
REVIEW_INVITATION_DAYS = env_int("REVIEW_INVITATION_DAYS", 30)
REVIEW_INVITATIONS_PER_LISTING_PER_DAY = env_int("REVIEW_INVITATIONS_PER_LISTING_PER_DAY", 30)
REVIEWS_PER_REVIEWER_PER_DAY = env_int("REVIEWS_PER_REVIEWER_PER_DAY", 5)
REVIEW_EDITS_PER_DAY = env_int("REVIEW_EDITS_PER_DAY", 10)
REVIEW_BURST_COUNT = env_int("REVIEW_BURST_COUNT", 5)
REVIEW_BURST_HOURS = env_int("REVIEW_BURST_HOURS", 48)
REVIEW_BLOCKED_WORDS = env_list("REVIEW_BLOCKED_WORDS")  # more words that send a review to an editor

# Open data (marketplace/opendata): the Open Referral UK API and its data package.
OPEN_DATA_DIR = Path(env_str("OPEN_DATA_DIR", str(BASE_DIR / "var" / "open-data")))  # `export_open_data` writes here
OPEN_DATA_REQUESTS_PER_MINUTE = env_int("OPEN_DATA_REQUESTS_PER_MINUTE", 120)  # per client address
# A UUID that, with each row's kind and key, makes its identifier. Set it once: changing it changes every identifier.
# Unset, it is derived from BASE_URL.
OPEN_DATA_ID_NAMESPACE = env_str("OPEN_DATA_ID_NAMESPACE", "")
OPEN_DATA_ASSURER_EMAIL = env_str("OPEN_DATA_ASSURER_EMAIL", "")  # who to tell about a mistake (services' assurer)

# Bookings (marketplace/bookings): a delivered visit nobody approves or disputes is approved after this many hours;
# visits are planned this many days ahead; short-notice cover asks at most this many suppliers, emails each address
# at most this many times an hour, and a person may ask this many times a day.
BOOKING_AUTO_APPROVE_HOURS = env_int("BOOKING_AUTO_APPROVE_HOURS", 48)
BOOKING_VISIT_HORIZON_DAYS = env_int("BOOKING_VISIT_HORIZON_DAYS", 56)
BOOKING_COVER_MAX_SUPPLIERS = env_int("BOOKING_COVER_MAX_SUPPLIERS", 20)
BOOKING_COVER_EMAILS_PER_HOUR = env_int("BOOKING_COVER_EMAILS_PER_HOUR", 5)
BOOKING_COVER_REQUESTS_PER_DAY = env_int("BOOKING_COVER_REQUESTS_PER_DAY", 5)

# Health endpoint (/health/, marketplace/core/health.py): the oldest task waiting longer than this marks the queue as
# lagging (the worker is stopped or overwhelmed); the search engine gets this long to answer.
HEALTH_TASK_LAG_SECONDS = env_int("HEALTH_TASK_LAG_SECONDS", 300)
HEALTH_SEARCH_TIMEOUT_SECONDS = env_int("HEALTH_SEARCH_TIMEOUT_SECONDS", 1)

# The demo accounts share a public password: only settings made for a developer's machine may load them.
DEMO_DATA_ALLOWED = False

LOG_FORMAT = env_str("LOG_FORMAT", "text")
LOGGING = logging_config(LOG_FORMAT, env_str("LOG_LEVEL", "INFO"))

# Payments through Stripe (marketplace/payments). With no secret key the payments pages say payments are not set up.
STRIPE_SECRET_KEY = env_str("STRIPE_SECRET_KEY", "")
STRIPE_WEBHOOK_SECRET = env_str("STRIPE_WEBHOOK_SECRET", "")  # the signing secret of the webhook endpoint (whsec_…)
STRIPE_API_BASE = env_str("STRIPE_API_BASE", "")  # another address for Stripe's API: test servers only
PLATFORM_FEE_BASIS_POINTS = env_int("PLATFORM_FEE_BASIS_POINTS", 0)  # 100 = 1%; councils run the site at cost
if not 0 <= PLATFORM_FEE_BASIS_POINTS <= 10_000:
    raise ImproperlyConfigured("PLATFORM_FEE_BASIS_POINTS must be between 0 and 10000 (100%).")
STRIPE_PUBLISHABLE_KEY = env_str("STRIPE_PUBLISHABLE_KEY", "")  # pk_…, for Stripe.js on the pay page
STRIPE_JS_URL = env_str("STRIPE_JS_URL", "https://js.stripe.com/v3/")  # the CSP allows this script's origin only
# Pay suppliers by destination charges to their connected accounts (off only for test servers without Connect).
STRIPE_DESTINATION_CHARGES = env_bool("STRIPE_DESTINATION_CHARGES", True)

# Invoices (marketplace/payments/invoices): approved visits are invoiced per period of this many days (weekly periods
# run Monday to Sunday; `manage.py issue_invoices` daily in cron); VAT at this rate (2000 = 20%) where a supplier
# says it charges VAT.
INVOICE_PERIOD_DAYS = env_int("INVOICE_PERIOD_DAYS", 7)
INVOICE_VAT_RATE_BASIS_POINTS = env_int("INVOICE_VAT_RATE_BASIS_POINTS", 2000)
if INVOICE_PERIOD_DAYS < 1 or not 0 <= INVOICE_VAT_RATE_BASIS_POINTS <= 10_000:
    raise ImproperlyConfigured("INVOICE_PERIOD_DAYS must be 1 or more; INVOICE_VAT_RATE_BASIS_POINTS 0 to 10000.")

# Personal budgets (marketplace/budgets): when the ledger warns, and what a council finance officer's flags mean.
BUDGET_OVERSPEND_WARNING_PERCENT = env_int("BUDGET_OVERSPEND_WARNING_PERCENT", 90)  # spent + committed reach this
BUDGET_SURPLUS_WARNING_PERCENT = env_int("BUDGET_SURPLUS_WARNING_PERCENT", 25)  # more than this left unspent ...
BUDGET_SURPLUS_WARNING_AFTER_PERCENT = env_int("BUDGET_SURPLUS_WARNING_AFTER_PERCENT", 75)  # ... this far into a period
BUDGET_INACTIVE_WEEKS = env_int("BUDGET_INACTIVE_WEEKS", 8)  # flag: nothing spent for this many weeks
BUDGET_LARGE_PAYMENT_PENCE = env_int("BUDGET_LARGE_PAYMENT_PENCE", 100_000)  # flag: one payment over this (£1,000)
