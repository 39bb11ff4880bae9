"""The server error page, with the request's reference for the person to quote."""

from django.http import HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from .request_id import NO_REQUEST, current_request_id


@requires_csrf_token
def server_error(request, template_name="500.html"):
    # A plain context, like Django's own handler: context processors may be what failed.
    request_id = getattr(request, "request_id", None) or current_request_id()
    context = {"request_id": None if request_id == NO_REQUEST else request_id}
    return HttpResponseServerError(loader.get_template(template_name).render(context))
