import logging

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.db import transaction

from . import ratelimits
from .tasks import send_email

logger = logging.getLogger(__name__)


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """Render the account email now (it needs the request), send it from the task queue.

        An address gets a few account emails an hour at most, whoever asks: signing up with someone's address, adding
        it to an account or asking for its password to be reset cannot flood it. Over the limit nothing is sent and
        nothing is said (the pages must not reveal whether an address has an account)."""
        if not ratelimits.may_send_to(email, "account", settings.ACCOUNT_EMAILS_PER_HOUR_PER_RECIPIENT):
            logger.warning("Account email %s not sent: the address had enough this hour", template_prefix)
            return
        from allauth.core import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

        request = allauth_context.request
        full_context = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        message = self.render_mail(template_prefix, email, full_context)
        html_body = next(
            (content for content, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), None
        )
        transaction.on_commit(
            lambda: send_email.enqueue(
                subject=message.subject,
                body=message.body,
                to=list(message.to),
                from_email=message.from_email,
                html_body=html_body,
            )
        )
