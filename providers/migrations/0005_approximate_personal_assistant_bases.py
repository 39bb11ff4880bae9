"""Personal assistants' listings keep only an approximate base (the centre of a ~2 km grid cell), never their home.

The arithmetic is copied from search.geocoding.approximate so this migration keeps meaning the same thing."""

import math

from django.db import migrations

LATITUDE_STEP = 0.02
LONGITUDE_STEP = 0.035


def centre(value, step):
    return round((math.floor(value / step) + 0.5) * step, 6)


def approximate_bases(apps, schema_editor):
    Listing = apps.get_model("providers", "Listing")
    listings = Listing.objects.filter(personal_assistant__isnull=False, latitude__isnull=False)
    for listing in listings.iterator():
        listing.latitude = centre(listing.latitude, LATITUDE_STEP)
        listing.longitude = centre(listing.longitude, LONGITUDE_STEP)
        listing.save(update_fields=["latitude", "longitude"])


class Migration(migrations.Migration):
    dependencies = [("providers", "0004_listing_history_of_terms")]

    operations = [migrations.RunPython(approximate_bases, migrations.RunPython.noop)]
