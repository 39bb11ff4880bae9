"""Background tasks shared across the site."""

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email(subject, body, to, from_email=None, html_body=None, headers=None):
    """Send one email. Queued so a slow mail server never slows down a page."""
    message = EmailMultiAlternatives(subject, body, from_email, to, headers=headers or {})
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()
