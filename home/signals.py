from django.dispatch import receiver
from wagtail.signals import page_published

from .alerts import record_guidance_change


@receiver(page_published)
def alert_subscribers_on_publish(sender, instance, revision, **kwargs):
    is_new = instance.first_published_at is not None and instance.first_published_at == instance.last_published_at
    record_guidance_change(instance, is_new=is_new)
