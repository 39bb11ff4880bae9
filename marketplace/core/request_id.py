"""A reference for each request: in the `X-Request-ID` response header, on every log record written while the request
is handled, on the error page and in error emails to admins, so that a person quoting it leads straight to the logs.

Imported by the logging configuration, before Django's apps are ready: nothing here may touch models.
"""

import contextvars
import logging
import re
import uuid

from django.core.signals import request_finished
from django.utils.log import AdminEmailHandler

HEADER = "X-Request-ID"
NO_REQUEST = "-"
# An id from the proxy in front (nginx's $request_id, a load balancer's trace id) is kept when it is a short plain
# token; anything else could forge log lines or carry a script, so it is replaced.
SAFE_INCOMING = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{7,63}")

_current = contextvars.ContextVar("request_id", default=NO_REQUEST)


def current_request_id():
    return _current.get()


def new_request_id():
    return uuid.uuid4().hex


def incoming_or_new(value):
    if value and SAFE_INCOMING.fullmatch(value):
        return value
    return new_request_id()


def _forget(**kwargs):
    _current.set(NO_REQUEST)


class RequestIdMiddleware:
    """First in the chain, so that every later middleware, view and log line sees the id.

    The id stays current until the response is closed: Django logs 4xx responses after the last middleware has
    returned, and those lines need it too."""

    def __init__(self, get_response):
        self.get_response = get_response
        request_finished.connect(_forget, dispatch_uid="marketplace.core.request_id.forget")

    def __call__(self, request):
        request_id = incoming_or_new(request.headers.get(HEADER))
        request.request_id = request_id
        _current.set(request_id)
        response = self.get_response(request)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Puts `request_id` on every record ("-" outside a request: the task worker, cron jobs, start-up)."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id()
        return True


class RequestIdAdminEmailHandler(AdminEmailHandler):
    """Django's error email to ADMINS, with the request id at the start of the subject (it survives truncation)
    and in the body through the handler's formatter."""

    def format_subject(self, subject):
        request_id = current_request_id()
        if request_id != NO_REQUEST:
            subject = f"[{request_id}] {subject}"
        return super().format_subject(subject)
