"""Settings for the test suite: fast hashing, emails kept in memory, tasks run at once."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .env import env_str

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, as in production: an in-memory database shared between threads locks whole tables and fails at once
    # where a file waits its turn, so tests of simultaneous requests would see errors production never gives.
    TEST_DATABASE_DIR = Path(tempfile.mkdtemp(prefix="sds-test-db-"))
    DATABASES["default"]["TEST"] = {"NAME": str(TEST_DATABASE_DIR / "test.sqlite3")}  # noqa: F405
else:
    # scripts/run-tests.sh runs two pytest processes at once against one server: each needs a database of its own.
    _name = DATABASES["default"]["NAME"]  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": f"test_{_name}{env_str('TEST_DATABASE_SUFFIX', '')}"}
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
MEDIA_ROOT = tempfile.mkdtemp(prefix="sds-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="sds-test-private-")
STORAGES["private"]["OPTIONS"]["location"] = PRIVATE_MEDIA_ROOT  # noqa: F405
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
DEMO_DATA_ALLOWED = True
MAP_TILE_URL = ""  # tests never reach the internet
STRIPE_SECRET_KEY = ""  # payments tests point the settings at localstripe or stripe-mock themselves
STRIPE_WEBHOOK_SECRET = "whsec_tests_only"  # noqa: S105
STRIPE_API_BASE = ""
PAGE_CACHE_SECONDS = 0  # tests of the page cache turn it on themselves (tests/unit/marketplace/test_page_cache.py)
KEPT_VALUES_CHECK_SECONDS = 0  # kept search documents and links are checked at every use: changes show at once
PAGE_CACHE_CHECK_SECONDS = 0  # each process's copy of a page is checked on every request: changes show at once
