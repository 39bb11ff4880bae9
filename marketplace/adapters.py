from allauth.account.adapter import DefaultAccountAdapter
from django.db import transaction

from .tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """Render the account email now (it needs the request), send it from the task queue."""
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
