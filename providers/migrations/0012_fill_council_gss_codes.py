"""Give every council area stored before GSS codes its code, so listings' served areas are matched by code.

Names older data used (GeoNames' "Edinburgh", "Eilean Siar") are matched to the council holding adult social care;
a name that matches no council or several (e.g. "Greater London") keeps an empty code for an editor to set, and a
code another row already holds is not given twice. Without the postcode file (not built yet) nothing changes, and an
editor sets the codes in the admin.
"""

from django.db import migrations


def fill_codes(apps, schema_editor):
    from marketplace.geography.store import GeographyDataMissing, care_authority_named

    CouncilArea = apps.get_model("providers", "CouncilArea")
    taken = set(CouncilArea.objects.exclude(gss_code="").values_list("gss_code", flat=True))
    try:
        for area in CouncilArea.objects.filter(gss_code="").order_by("pk"):
            council = care_authority_named(area.name)
            if council and council.code not in taken:
                area.gss_code = council.code
                area.country = area.country or council.country
                area.save(update_fields=["gss_code", "country"])
                taken.add(council.code)
    except GeographyDataMissing:
        return


class Migration(migrations.Migration):
    dependencies = [("providers", "0011_council_gss_codes")]

    operations = [migrations.RunPython(fill_codes, migrations.RunPython.noop, elidable=True)]
