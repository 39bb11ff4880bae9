"""Builds a small guidance site (the same shape as the demo) for tests."""

from wagtail.models import Locale, Page, Site
from wagtail_localize.synctree import synchronize_tree

from .factories import (
    AudienceFactory,
    GlossaryPageFactory,
    GlossaryTermFactory,
    GuidanceIndexPageFactory,
    GuidancePageFactory,
    HomePageFactory,
    InformationPageFactory,
    TopicFactory,
)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


def build_site(languages=("en", "ur", "gd")):
    english = locale("en")
    for code in languages:
        locale(code)
    root = Page.get_first_root_node()
    if root is None:  # a transactional test flushed the tree that migrations made
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=english))
    for child in root.get_children():
        child.delete()
    home = HomePageFactory(parent=root, slug="home", locale=english)
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Test site")
    topic = TopicFactory(name="Employing a PA", slug="employing-a-pa")
    audience = AudienceFactory(name="Carers", slug="carers")
    term = GlossaryTermFactory(
        term="Direct payment",
        slug="direct-payment",
        definition="Money from the council paid to you to arrange your own support.",
    )
    index = GuidanceIndexPageFactory(parent=home, slug="guidance")
    glossary = GlossaryPageFactory(parent=home, slug="glossary")
    guidance = GuidancePageFactory(
        parent=index,
        title="Employing a personal assistant",
        slug="employing-a-pa",
        summary="What to think about before you employ a PA.",
        body=[
            ("heading", {"text": "Before you start", "level": "2"}),
            ("text", f'<p>You can pay a PA with a <a linktype="glossary" id="{term.pk}">direct payment</a>.</p>'),
            ("warning_text", "You must check that a PA has the right to work in the UK."),
        ],
    )
    guidance.topics.add(topic)
    guidance.audiences.add(audience)
    for page in (home, index, glossary, guidance):
        publish(page)
    return {
        "home": home,
        "index": index,
        "glossary": glossary,
        "guidance": guidance,
        "topic": topic,
        "audience": audience,
        "term": term,
    }


def translate(page, code, **fields):
    """A real translation of `page` (replacing a synchronised alias if there is one), published."""
    target = locale(code)
    existing = page.get_translation_or_none(target)
    if existing is not None:
        existing.delete()
    translated = page.copy_for_translation(target, copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return publish(translated.specific)


def sync_aliases(codes):
    english = Locale.get_default()
    for code in codes:
        synchronize_tree(english, locale(code))


# The council pages the footer links to: {footer link: (slug, title)}.
COUNCIL_PAGES = {
    "accessibility": ("accessibility-statement", "Accessibility statement"),
    "privacy": ("privacy-notice", "Privacy notice"),
    "cookies": ("cookies", "Cookies"),
    "contact": ("contact-us", "Contact us"),
}


def add_council_pages(home):
    """The four footer pages under `home`, published: {footer link: page}."""
    pages = {}
    for link, (slug, title) in COUNCIL_PAGES.items():
        body = [
            ("heading", {"text": "What this page covers", "level": "2"}),
            ("text", f"<p>Everything you need to know: {title.lower()}.</p>"),
        ]
        if link == "contact":
            body.append(("help_contact", {"heading": "Call us", "phone": "0808 157 0123", "email": "team@example.org"}))
        page = InformationPageFactory(
            parent=home, slug=slug, title=title, summary=f"About our {title.lower()}.", footer_link=link, body=body
        )
        pages[link] = publish(page)
    return pages
