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

        from wagtail.models import Site, get_page_models

        from .templatetags.navigation import navigation_changed

        # Any page saved (aliases of a new translation are saved without being published), moved or removed.
        for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
            signal.connect(navigation_changed, dispatch_uid=f"navigation:{id(signal)}")
        for sender in (Site, *get_page_models()):
            post_save.connect(navigation_changed, sender=sender, dispatch_uid=f"navigation:save:{sender.__name__}")
            post_delete.connect(navigation_changed, sender=sender, dispatch_uid=f"navigation:delete:{sender.__name__}")
