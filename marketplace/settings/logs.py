"""The LOGGING setting: one line per record on stderr, as JSON (production) or text (development), each carrying the
request id; errors also emailed to ADMINS with that id."""

from django.core.exceptions import ImproperlyConfigured
from pythonjsonlogger.core import RESERVED_ATTRS

# Django's request logger passes the request object as `extra`; its text would put query strings (postcodes people
# searched for) into the logs, which the anonymous demand log promises not to keep.
_NOT_LOGGED = ["request"]


def logging_config(log_format="text", level="INFO"):
    if log_format not in ("json", "text"):
        raise ImproperlyConfigured(f"LOG_FORMAT must be 'json' or 'text', not {log_format!r}.")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": "marketplace.core.request_id.RequestIdFilter"},
            "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        },
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(levelname)s %(name)s %(message)s %(request_id)s",
                "rename_fields": {"levelname": "level", "name": "logger"},
                "reserved_attrs": [*RESERVED_ATTRS, *_NOT_LOGGED],
                "timestamp": "time",
            },
            "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
            "email": {"format": "%(message)s\n\nReference (request id): %(request_id)s"},
        },
        "handlers": {
            "console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": log_format},
            "mail_admins": {
                "class": "marketplace.core.request_id.RequestIdAdminEmailHandler",
                "level": "ERROR",
                "filters": ["require_debug_false", "request_id"],
                "formatter": "email",
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Replaces Django's own "django" logger set-up, whose console handler would print every record twice.
            "django": {"handlers": ["mail_admins"], "level": level, "propagate": True},
            # Requests for other host names (scanners calling the server's address) are logged, not emailed.
            "django.security.DisallowedHost": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        },
    }
