"""The demand log keeps only words from the taxonomies and synonyms: clean the words rows logged before that rule."""

from django.db import migrations

from search.vocabulary import build, keep_known_words


def clean(apps, schema_editor):
    SearchLog = apps.get_model("site_search", "SearchLog")
    models = [apps.get_model("providers", name) for name in ("Need", "ServiceType", "Language", "FundingOption")]
    words = build(models)
    changed = []
    for row in SearchLog.objects.exclude(text="").only("pk", "text").iterator(chunk_size=2000):
        kept = keep_known_words(row.text, words)
        if kept != row.text:
            row.text = kept
            changed.append(row)
        if len(changed) >= 2000:
            SearchLog.objects.bulk_update(changed, ["text"])
            changed = []
    SearchLog.objects.bulk_update(changed, ["text"])


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0002_council_gss_codes"),
        ("providers", "0011_council_gss_codes"),
    ]

    operations = [migrations.RunPython(clean, migrations.RunPython.noop)]
