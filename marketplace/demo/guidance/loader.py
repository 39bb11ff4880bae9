"""Builds the demo site from the data in this package. Safe to run again: it only creates what is missing.

Order of work:

1. locales for every language in settings.LANGUAGES (English is the default);
2. groups and one demo user per role;
3. topics, audiences and glossary terms in English, then their translations (copy_for_translation);
4. easy-read pictures, drawn with Pillow;
5. the English page tree: HomePage (replacing Wagtail's "Welcome" page, and made the default Site's root),
   the guidance index, the guidance pages, the glossary page and the council's footer pages (accessibility
   statement, privacy notice, cookies, contact), all published;
6. locale synchronisation, so every other locale gets aliases of the English pages;
7. page translations through wagtail-localize (TranslationSource → Translation → imported strings), so editors can
   keep them in step in the "Translate" editor; a translation replaces the alias created in step 6;
8. a final tree synchronisation.
"""

import importlib
import logging
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from io import BytesIO

import polib
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.synctree import PageIndex, synchronize_tree

from home.models import (
    Audience,
    GlossaryPage,
    GlossaryTerm,
    GuidanceIndexPage,
    GuidancePage,
    HomePage,
    InformationPage,
    Topic,
)
from marketplace.core.demo_guard import refuse_demo_data

from ..users import (
    COMMISSIONER_EMAILS,
    DEMO_USERS,
    EDITOR_EMAIL,
    EXTRA_GROUPS,
    PUBLISHER_EMAIL,
    SUPPLIER_OWNER_EMAILS,
    TRANSLATOR_EMAILS,
    demo_totp_secret,
)
from . import council_pages, taxonomy
from . import pages as content
from .builders import Resolver, rich_text, signpost_data, stream_data, structure
from .pictures import PICTURES, draw_picture

TRANSLATED_LANGUAGES = ["ur", "gd", "pl"]


class DemoDataError(Exception):
    """The demo data itself is inconsistent (for example a translation whose structure differs from English)."""


def translations_for(language):
    return importlib.import_module(f"marketplace.demo.guidance.translations.{language.replace('-', '_')}")


@dataclass
class Report:
    users: list = field(default_factory=list)  # (email, role, groups, created)
    created: dict = field(default_factory=dict)  # what -> count

    def count(self, what, number=1):
        self.created[what] = self.created.get(what, 0) + number


class DemoLoader:
    def __init__(self, password):
        self.password = password
        self.report = Report()
        self.today = timezone.localdate()

    # --- Entry point -------------------------------------------------------------------------------------------

    def run(self):
        refuse_demo_data()
        with _quiet_logs("wagtail", "wagtail_localize"), transaction.atomic():
            self.ensure_locales()
            self.ensure_users()
            self.ensure_taxonomies()
            self.ensure_pictures()
            self.ensure_english_tree()
            self.ensure_locale_synchronisation()
            self.ensure_page_translations()
            self.synchronise_trees()
        return self.report

    # --- Locales ------------------------------------------------------------------------------------------------

    def ensure_locales(self):
        self.locales = {}
        for code, _name in settings.LANGUAGES:
            locale, created = Locale.objects.get_or_create(language_code=code)
            self.locales[code] = locale
            if created:
                self.report.count("locales")
        self.english = Locale.get_default()
        if self.english.language_code != "en":
            raise DemoDataError("The demo data expects English (en) to be the default language.")

    # --- Users --------------------------------------------------------------------------------------------------

    def ensure_users(self):
        User = get_user_model()
        for name in EXTRA_GROUPS:
            _group, created = Group.objects.get_or_create(name=name)
            if created:
                self.report.count("groups")
        hashed = None
        for email, display_name, language, groups, superuser, role in DEMO_USERS:
            user = User.objects.filter(email__iexact=email).first()
            created = user is None
            if created:
                hashed = hashed or make_password(self.password)  # hash once: the demo accounts share one password
                user = User(
                    email=email,
                    display_name=display_name,
                    preferred_language=language,
                    is_staff=superuser,
                    is_superuser=superuser,
                    password=hashed,
                )
                user.save()
                self.report.count("users")
            for name in groups:
                group, _created = Group.objects.get_or_create(name=name)
                if not user.groups.filter(pk=group.pk).exists():
                    user.groups.add(group)
            address = EmailAddress.objects.filter(user=user, email__iexact=email).first()
            if address is None:
                EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            elif not (address.verified and address.primary):
                address.verified = address.primary = True
                address.save(update_fields=["verified", "primary"])
            if (user.can_access_admin or email in SUPPLIER_OWNER_EMAILS | COMMISSIONER_EMAILS) and not is_mfa_enabled(
                user
            ):
                TOTP.activate(user, demo_totp_secret(email))
            self.report.users.append((email, role, ", ".join(groups) or ("superuser" if superuser else "-"), created))
        self.editor = User.objects.get(email=EDITOR_EMAIL)
        # Editors write and save; publishing is done by the administrator (Wagtail's "Editors" cannot publish).
        self.publisher = User.objects.get(email=PUBLISHER_EMAIL)
        self.translators = {code: User.objects.get(email=email) for code, email in TRANSLATOR_EMAILS.items()}

    # --- Topics, audiences, glossary terms ----------------------------------------------------------------------

    def ensure_taxonomies(self):
        self.topics = self._ensure_snippets(Topic, taxonomy.TOPICS, "TOPICS", ("name", "description"))
        self.audiences = self._ensure_snippets(Audience, taxonomy.AUDIENCES, "AUDIENCES", ("name", "description"))
        self.glossary = self._ensure_snippets(GlossaryTerm, taxonomy.GLOSSARY, "GLOSSARY", ("term", "definition"))

    def _ensure_snippets(self, model, english, attribute, fields):
        label = model._meta.verbose_name_plural
        by_slug = {}
        for slug, values in english.items():
            obj = model.objects.filter(locale=self.english, slug=slug).first()
            if obj is None:
                obj = model(locale=self.english, slug=slug, **dict(zip(fields, values, strict=True)))
                obj.full_clean()
                obj.save()
                self.report.count(f"{label} (en)")
            by_slug[slug] = obj
        for language in TRANSLATED_LANGUAGES:
            locale = self.locales[language]
            translated = getattr(translations_for(language), attribute)
            unknown = set(translated) - set(english)
            if unknown:
                raise DemoDataError(f"{language} {attribute} has slugs with no English original: {sorted(unknown)}")
            for slug, values in translated.items():
                source = by_slug[slug]
                if model.objects.filter(translation_key=source.translation_key, locale=locale).exists():
                    continue
                copy = source.copy_for_translation(locale)
                for name, value in zip(fields, values, strict=True):
                    setattr(copy, name, value)
                copy.full_clean()
                copy.save()
                self.report.count(f"{label} ({language})")
        return by_slug

    # --- Pictures -----------------------------------------------------------------------------------------------

    def ensure_pictures(self):
        Image = get_image_model()
        self.images = {}
        for key, (title, _draw) in PICTURES.items():
            image = Image.objects.filter(title=title).first()
            if image is None:
                image = Image(title=title, uploaded_by_user=self.editor)
                image.file = ImageFile(_bytes_file(draw_picture(key)), name=f"easy-read-{key}.png")
                image.save()
                self.report.count("images")
            self.images[key] = image.pk

    # --- English page tree --------------------------------------------------------------------------------------

    def ensure_english_tree(self):
        new_pages = []  # (page, fill) where fill() sets the final content before the first publish
        home = self._ensure_home(new_pages)
        index = self._ensure_child(
            home,
            GuidanceIndexPage,
            content.GUIDANCE_INDEX["slug"],
            new_pages,
            title=content.GUIDANCE_INDEX["title"],
            fill=lambda page, resolver: setattr(page, "intro", rich_text(content.GUIDANCE_INDEX["intro"], resolver)),
        )
        for spec in content.GUIDANCE:
            self._ensure_child(
                index,
                GuidancePage,
                spec.slug,
                new_pages,
                title=spec.title,
                summary=spec.summary,
                last_reviewed=self.today - timedelta(days=spec.reviewed_days_ago),
                next_review_due=self.today + timedelta(days=spec.review_due_in_days),
                topics=[self.topics[slug] for slug in spec.topics],
                audiences=[self.audiences[slug] for slug in spec.audiences],
                fill=lambda page, resolver, spec=spec: self._fill_body(page, spec, resolver),
            )
        self._ensure_child(
            home,
            GlossaryPage,
            content.GLOSSARY_PAGE["slug"],
            new_pages,
            title=content.GLOSSARY_PAGE["title"],
            fill=lambda page, resolver: setattr(page, "intro", rich_text(content.GLOSSARY_PAGE["intro"], resolver)),
        )
        for spec in council_pages.COUNCIL_PAGES:
            taken = InformationPage.objects.filter(locale=self.english, footer_link=spec.footer_link)
            if taken.exclude(slug=spec.slug).exists():
                continue  # the council has written its own page for this footer link: never replace it
            self._ensure_child(
                home,
                InformationPage,
                spec.slug,
                new_pages,
                title=spec.title,
                summary=spec.summary,
                footer_link=spec.footer_link,
                last_reviewed=self.today - timedelta(days=spec.reviewed_days_ago),
                fill=lambda page, resolver, spec=spec: self._fill_body(page, spec, resolver),
            )

        # Every page now exists, so links between pages can be resolved. Publish each new page once, parents first.
        self.page_ids = {
            page.slug: page.pk for page in Page.objects.filter(locale=self.english, depth__gte=2).only("slug")
        }
        resolver = Resolver(glossary={slug: term.pk for slug, term in self.glossary.items()}, pages=self.page_ids)
        for page, fill in new_pages:
            fill(page, resolver)
            page.save_revision(user=self.editor, log_action=True).publish(user=self.publisher)
        if resolver.unresolved:
            raise DemoDataError(f"Demo content links to pages that do not exist: {sorted(resolver.unresolved)}")
        self.home, self.index = home, index

    def _ensure_home(self, new_pages):
        home = HomePage.objects.filter(locale=self.english, depth=2).first()
        if home is None:
            root = Page.get_first_root_node()
            # Wagtail's migrations create a "Welcome to your new Wagtail site!" page with the slug "home". Free the
            # slug, build our home page beside it, move the Site across, then delete the old page. Only plain,
            # childless pages are treated as that placeholder, so nobody's real content is ever deleted.
            placeholders = list(
                root.get_children().filter(
                    content_type__app_label="wagtailcore", content_type__model="page", numchild=0
                )
            )
            for placeholder in placeholders:
                placeholder.slug = f"old-welcome-{placeholder.pk}"
                placeholder.save(update_fields=["slug"], clean=False)
            home = HomePage(
                title=content.HOME["title"], slug="home", locale=self.english, owner=self.editor, live=False
            )
            root.add_child(instance=home)
            new_pages.append((home, self._fill_home))
            self.report.count("pages (en)")
            site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
            site.hostname, site.port, site.root_page, site.is_default_site = "localhost", 80, home, True
            site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
            site.save()
            for placeholder in placeholders:
                if not Site.objects.filter(root_page=placeholder).exists():
                    placeholder.delete()
        else:
            site = Site.objects.filter(is_default_site=True).first()
            if site is None or site.root_page_id != home.pk:
                site = site or Site(is_default_site=True, hostname="localhost", port=80)
                site.root_page = home
                site.save()
        return home

    def _ensure_child(self, parent, model, slug, new_pages, *, fill, **fields):
        page = model.objects.filter(locale=self.english, slug=slug).child_of(parent).first()
        if page is not None:
            return page
        # Many-to-many values (topics, audiences) are held on the unsaved page and saved with it (modelcluster).
        page = model(slug=slug, locale=self.english, owner=self.editor, live=False, **fields)
        if model in (GuidancePage, InformationPage):
            # A first, link-free body so the page can be saved; fill() replaces it before publishing.
            fill(page, Resolver(glossary={slug: term.pk for slug, term in self.glossary.items()}))
        parent.add_child(instance=page)
        new_pages.append((page, fill))
        self.report.count("pages (en)")
        return page

    def _fill_home(self, page, resolver):
        page.intro = rich_text(content.HOME["intro"], resolver)
        page.signposts = signpost_data("home", content.HOME["signposts"], resolver.pages)

    def _fill_body(self, page, spec, resolver):
        page.body = stream_data(spec.slug, spec.body, resolver, images=self.images)

    # --- Locale synchronisation ---------------------------------------------------------------------------------

    def ensure_locale_synchronisation(self):
        already_synchronised = []
        for locale in self.locales.values():
            if locale.pk == self.english.pk:
                continue
            # Creating a LocaleSynchronization synchronises that locale's tree straight away (wagtail-localize's
            # post_save signal), so only the locales that were already set up need synchronising here.
            _sync, created = LocaleSynchronization.objects.get_or_create(
                locale=locale, defaults={"sync_from": self.english}
            )
            if created:
                self.report.count("locale synchronisations")
            else:
                already_synchronised.append(locale)
        self.synchronise_trees(already_synchronised)

    def synchronise_trees(self, locales=None):
        """Give every page that has no translation an alias in each locale (wagtail-localize's synchronize_tree)."""
        if locales is None:
            locales = [locale for locale in self.locales.values() if locale.pk != self.english.pk]
        if not locales:
            return
        page_index = PageIndex.from_database().sort_by_tree_position()  # one index serves every target locale
        for locale in locales:
            synchronize_tree(self.english, locale, page_index=page_index)

    # --- Page translations --------------------------------------------------------------------------------------

    def ensure_page_translations(self):
        for language in TRANSLATED_LANGUAGES:
            data = translations_for(language)
            locale = self.locales[language]
            user = self.translators.get(language, self.editor)
            self._translate(self.home, locale, user, language, self._home_translation(data.HOME, language))
            self._translate(self.index, locale, user, language, self._simple_translation(data.GUIDANCE_INDEX))
            glossary_page = GlossaryPage.objects.get(locale=self.english, slug=content.GLOSSARY_PAGE["slug"])
            self._translate(glossary_page, locale, user, language, self._simple_translation(data.GLOSSARY_PAGE))
            unknown = set(data.GUIDANCE) - set(content.GUIDANCE_BY_SLUG)
            if unknown:
                raise DemoDataError(f"{language} translations for unknown guidance pages: {sorted(unknown)}")
            for slug, translated in data.GUIDANCE.items():
                spec = content.GUIDANCE_BY_SLUG[slug]
                if structure(translated["body"]) != structure(spec.body):
                    raise DemoDataError(
                        f"The {language} translation of {slug!r} does not have the English page's structure."
                    )
                page = GuidancePage.objects.get(locale=self.english, slug=slug)
                self._translate(page, locale, user, language, self._body_translation(spec, translated))
            self._translate_council_pages(data, locale, user, language)

    def _translate_council_pages(self, data, locale, user, language):
        unknown = set(data.COUNCIL_PAGES) - set(council_pages.COUNCIL_PAGES_BY_SLUG)
        if unknown:
            raise DemoDataError(f"{language} translations for unknown council pages: {sorted(unknown)}")
        for slug, translated in data.COUNCIL_PAGES.items():
            spec = council_pages.COUNCIL_PAGES_BY_SLUG[slug]
            if structure(translated["body"]) != structure(spec.body):
                raise DemoDataError(
                    f"The {language} translation of {slug!r} does not have the English page's structure."
                )
            page = InformationPage.objects.filter(locale=self.english, slug=slug).child_of(self.home).first()
            if page is not None:  # None when the council's own page took this footer link
                self._translate(page, locale, user, language, self._body_translation(spec, translated))

    def _home_translation(self, data, language):
        def apply(page, resolver):
            page.title = data["title"]
            page.slug = data.get("slug", f"home-{language}")
            page.intro = rich_text(data["intro"], resolver)
            signposts = [
                {**english, **translated, **({"url": f"/{language}{english['url']}"} if english.get("url") else {})}
                for english, translated in zip(content.HOME["signposts"], data["signposts"], strict=True)
            ]
            page.signposts = signpost_data("home", signposts, resolver.pages)

        return apply

    def _simple_translation(self, data):
        def apply(page, resolver):
            page.title = data["title"]
            page.intro = rich_text(data["intro"], resolver)

        return apply

    def _body_translation(self, spec, data):
        def apply(page, resolver):
            page.title = data["title"]
            page.summary = data["summary"]
            # Same key as the English page, so block ids (and so translation contexts) match.
            page.body = stream_data(spec.slug, data["body"], resolver, images=self.images)

        return apply

    def _translate(self, page, locale, user, language, apply):
        """Translate `page` into `locale` with wagtail-localize, replacing the alias that synchronisation made."""
        page = page.specific
        if page.__class__.objects.filter(
            translation_key=page.translation_key, locale=locale, alias_of__isnull=True
        ).exists():
            return
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)

        # The translated strings, paired segment by segment with the English ones: both sides are extracted by
        # wagtail-localize itself from the same structure, so the msgids and contexts match the source exactly.
        english = source.as_instance()
        translated = source.as_instance()
        resolver = Resolver(glossary={slug: term.pk for slug, term in self.glossary.items()}, pages=self.page_ids)
        apply(translated, resolver)
        english_strings = [s for s in extract_segments(english) if isinstance(s, StringSegmentValue)]
        translated_strings = [s for s in extract_segments(translated) if isinstance(s, StringSegmentValue)]
        if [s.path for s in english_strings] != [s.path for s in translated_strings]:
            raise DemoDataError(f"The {language} translation of {page.slug!r} does not match the English strings.")
        po = polib.POFile(wrapwidth=200)
        po.metadata = {"Content-Type": "text/plain; charset=utf-8"}
        for source_string, translated_string in zip(english_strings, translated_strings, strict=True):
            if source_string.string.data.strip():
                po.append(
                    polib.POEntry(
                        msgid=source_string.string.data,
                        msgctxt=source_string.path,
                        msgstr=translated_string.string.data,
                    )
                )
        warnings = translation.import_po(po, user=user, translation_type="manual")
        if warnings:
            raise DemoDataError(f"Importing the {language} translation of {page.slug!r} gave warnings: {warnings}")

        # Save a draft through wagtail-localize (this converts the alias into a real page), then publish it here
        # rather than on transaction commit, so the page is live as soon as this returns.
        translated_page, _created = source.create_or_update_translation(
            locale, user=user, publish=False, copy_parent_pages=True, fallback=True
        )
        translated_page.get_latest_revision().publish(user=self.publisher)
        self.report.count(f"translated pages ({language})")


@contextmanager
def _quiet_logs(*names):
    """Wagtail logs every page edit and publish at INFO level: too chatty for a command that makes a hundred pages."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(logger.getEffectiveLevel(), logging.WARNING))
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _bytes_file(data):
    return BytesIO(data)


def page_counts():
    """{language code: (live pages, translations, aliases)} below the root, for the summary table."""
    counts = {}
    for locale in Locale.objects.order_by("pk"):
        pages = Page.objects.filter(locale=locale, depth__gte=2)
        counts[locale.language_code] = (
            pages.filter(live=True).count(),
            pages.filter(alias_of__isnull=True).count(),
            pages.filter(alias_of__isnull=False).count(),
        )
    return counts
