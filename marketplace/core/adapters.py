import logging

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.db import transaction
from django.urls import translate_url
from django.utils import translation

from . import ratelimits
from .emails import language_for
from .tasks import send_email

logger = logging.getLogger(__name__)


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        """A new account keeps the language it signed up in: its emails and pages use it until the person changes it
        on their account page."""
        language = translation.get_language()
        if language in dict(settings.LANGUAGES):
            user.preferred_language = language
        return super().save_user(request, user, form, commit=commit)

    def get_login_redirect_url(self, request):
        """After signing in, carry on in the person's chosen language."""
        url = super().get_login_redirect_url(request)
        language = getattr(request.user, "preferred_language", None)
        return translate_url(url, language) if language else url

    def send_mail(self, template_prefix, email, context):
        """Render the account email now (it needs the request), in the recipient's language and with the site's own
        name and words, and send it from the task queue.

        An address gets a few account emails an hour at most, whoever asks: signing up with someone's address, adding
        it to an account or asking for its password to be reset cannot flood it. Over the limit nothing is sent and
        nothing is said (the pages must not reveal whether an address has an account)."""
        if not ratelimits.may_send_to(email, "account", settings.ACCOUNT_EMAILS_PER_HOUR_PER_RECIPIENT):
            logger.warning("Account email %s not sent: the address had enough this hour", template_prefix)
            return
        from allauth.core import context as allauth_context

        full_context = {
            "request": allauth_context.request,
            "email": email,
            "site_name": settings.SITE_NAME,
            "council_name": settings.COUNCIL_NAME,
            "base_url": settings.WAGTAILADMIN_BASE_URL,
            **context,
        }
        with translation.override(language_for(email)):
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
