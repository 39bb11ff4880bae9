from django.dispatch import receiver
from wagtail.models import PageLogEntry
from wagtail.signals import page_published

from .alerts import record_guidance_change
from .models import GuidancePage


@receiver(page_published)
def alert_subscribers_on_publish(sender, instance, revision, **kwargs):
    # A translation made from an alias inherits the alias's first_published_at, so look for an earlier publication
    # instead (Wagtail logs this one after sending the signal).
    is_new = not PageLogEntry.objects.filter(page=instance, action="wagtail.publish").exists()
    record_guidance_change(instance, is_new=is_new)


@receiver(page_published)
def share_topics_with_translations(sender, instance, **kwargs):
    """Topics and audiences belong to the page in every language (wagtail-localize does not copy many-to-many)."""
    if not isinstance(instance, GuidancePage) or instance.alias_of_id is not None:
        return
    if instance.locale_id != instance.get_default_locale().pk:
        return
    topics, audiences = list(instance.topics.all()), list(instance.audiences.all())
    for translation in GuidancePage.objects.filter(translation_key=instance.translation_key).exclude(pk=instance.pk):
        translation.topics.set(topics)
        translation.audiences.set(audiences)
        translation.save(update_fields=["topics", "audiences"])  # commits only these relations, not the page
