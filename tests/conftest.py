import pytest
from django.core import mail

from .site_tree import build_site, sync_aliases, translate

pytest_plugins = ["tests.stripe_servers"]  # localstripe and stripe-mock, started only for tests that use them


@pytest.fixture(autouse=True)
def _independent_tests(settings):
    """Each test starts in English with an empty outbox and cache, whatever the test before it did."""
    from django.core.cache import cache
    from django.utils import translation

    cache.clear()
    mail.outbox = []
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def site_tree(db):
    return build_site()


@pytest.fixture
def multilingual_site(site_tree):
    """English tree, an Urdu and a Gaelic translation of the home page and guidance page, aliases for the rest."""
    tree = dict(site_tree)
    tree["home_ur"] = translate(tree["home"], "ur", title="مدد تلاش کریں اور منتخب کریں")
    tree["guidance_ur"] = translate(
        tree["guidance"],
        "ur",
        title="ذاتی معاون کو ملازم رکھنا",
        summary="ذاتی معاون کو ملازم رکھنے سے پہلے کن باتوں پر غور کریں۔",
    )
    tree["home_gd"] = translate(tree["home"], "gd", title="Lorg agus tagh taic")
    tree["guidance_gd"] = translate(
        tree["guidance"],
        "gd",
        title="A’ fastadh neach-taic pearsanta",
        summary="Na rudan air am bu chòir smaoineachadh mus fastaich thu neach-taic.",
    )
    sync_aliases(["ur", "gd"])
    return tree
