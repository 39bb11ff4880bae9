from django.conf import settings
from django.db import migrations


def seed(apps, schema_editor):
    from reviews.seed import seed_quality_stamps

    Locale = apps.get_model("wagtailcore", "Locale")
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    seed_quality_stamps(apps.get_model("reviews", "QualityStamp"), locale)


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
