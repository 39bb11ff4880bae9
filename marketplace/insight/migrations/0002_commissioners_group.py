"""The Commissioners group, holding the permission to see market insight."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Commissioners"


def give_permission(apps, schema_editor):
    # Permissions are normally made after all migrations; make this app's now so the group can hold it.
    config = apps.get_app_config("insight")
    config.models_module = True  # the migration's stub of the app has none; create_permissions needs one
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    permission = Permission.objects.get(content_type__app_label="insight", codename="view_market_insight")
    group.permissions.add(permission)


def take_permission(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=GROUP):
        group.permissions.filter(content_type__app_label="insight", codename="view_market_insight").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("insight", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(give_permission, take_permission)]
