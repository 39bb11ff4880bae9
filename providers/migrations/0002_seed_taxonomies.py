from django.conf import settings
from django.db import migrations


def seed(apps, schema_editor):
    from providers.seed import seed_taxonomies

    Locale = apps.get_model("wagtailcore", "Locale")
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    models = [apps.get_model("providers", name) for name in ("Need", "ServiceType", "FundingOption", "Language")]
    seed_taxonomies(*models, locale)


class Migration(migrations.Migration):
    dependencies = [
        ("providers", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
