"""The demand log holds no word outside the taxonomy and synonym vocabulary, however people search."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from search import vocabulary
from search.models import SearchLog
from search.text import tokens

pytestmark = pytest.mark.django_db

TYPED = [
    "dementia carer 14 Leith Walk",
    "Mrs Jean MacLeod autism",
    "Polish speaking personal assistant near Pilrig Street",
    "respite call 07700 900123 me@example.org",
    "سڑک 12 personal care اردو",
    "ysgol Gymraeg sign language Heol y Frenhines",
]


def test_searches_on_the_site_log_only_vocabulary_words(client):
    for text in TYPED:
        assert client.get(reverse("find:support"), {"where": "EH6", "q": text}).status_code == 200
    words = vocabulary.current()
    logged = list(SearchLog.objects.values_list("text", flat=True))
    assert len(logged) == len(TYPED)
    assert all(set(tokens(text)) <= words for text in logged), logged
    assert "dementia" in logged[0] or "dementia" in " ".join(logged)
    for private in ("leith", "macleod", "jean", "pilrig", "07700", "example", "heol", "frenhines"):
        assert private not in " ".join(logged)


def test_the_migration_cleans_rows_logged_before_the_rule():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    row = SearchLog.objects.create(
        hour=datetime(2026, 1, 5, 9, tzinfo=ZoneInfo("UTC")),
        place_kind="outward",
        text="dementia carer for Jean at 14 Leith Walk",
        result_count=0,
    )
    migration = importlib.import_module("search.migrations.0003_log_keeps_only_vocabulary")
    migration.clean(apps, None)
    row.refresh_from_db()
    assert row.text == "dementia carer"
