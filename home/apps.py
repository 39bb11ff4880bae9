from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Guidance")

    def ready(self):
        from marketplace.core import privacy as personal_data

        from . import privacy, signals  # noqa: F401

        personal_data.register("alerts", export=privacy.export, erase=privacy.erase)
        self._invalidate_pages_on_change()

    @staticmethod
    def _invalidate_pages_on_change():
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page
        from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

        from marketplace.core import page_cache

        from .models import Audience, GlossaryTerm, Topic

        page_cache.connect(page_published, page_unpublished, page_slug_changed, post_page_move)
        page_cache.connect(post_delete, senders=[Page])
        page_cache.connect(post_save, post_delete, senders=[GlossaryTerm, Topic, Audience])
