"""Give demand-log rows kept before GSS codes the code of the council they name (see providers 0012)."""

from django.db import migrations


def fill_codes(apps, schema_editor):
    from marketplace.geography.store import GeographyDataMissing, care_authority_named

    SearchLog = apps.get_model("site_search", "SearchLog")
    unmatched = SearchLog.objects.filter(council_code="").exclude(council_area="")
    names = unmatched.order_by("council_area").values_list("council_area", flat=True).distinct()
    try:
        for name in list(names):
            if council := care_authority_named(name):
                SearchLog.objects.filter(council_code="", council_area=name).update(council_code=council.code)
    except GeographyDataMissing:
        return


class Migration(migrations.Migration):
    dependencies = [("site_search", "0003_log_keeps_only_vocabulary")]

    operations = [migrations.RunPython(fill_codes, migrations.RunPython.noop, elidable=True)]
