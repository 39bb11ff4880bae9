"""Booking email choices move to the account's email choices (`marketplace.EmailChoice`, topic "bookings"), which
enquiries' emails share."""

from django.db import migrations


def copy_choices(apps, schema_editor):
    old = apps.get_model("bookings", "EmailPreference")
    new = apps.get_model("marketplace", "EmailChoice")
    new.objects.bulk_create(
        [new(user_id=row.user_id, topic="bookings", send=row.send) for row in old.objects.all()],
        ignore_conflicts=True,
    )


def copy_back(apps, schema_editor):
    old = apps.get_model("bookings", "EmailPreference")
    new = apps.get_model("marketplace", "EmailChoice")
    for row in new.objects.filter(topic="bookings"):
        old.objects.update_or_create(user_id=row.user_id, defaults={"send": row.send})


class Migration(migrations.Migration):
    dependencies = [
        ("bookings", "0001_bookings_visits_cover_feeds"),
        ("marketplace", "0004_email_choices"),
    ]

    operations = [
        migrations.RunPython(copy_choices, copy_back),
        migrations.DeleteModel(name="EmailPreference"),
    ]
