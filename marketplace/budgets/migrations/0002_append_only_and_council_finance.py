"""Ledger entries cannot be changed or deleted, whatever code runs (a trigger on SQLite and on PostgreSQL); the one
exception is the entries of a ledger already marked erased (an account being closed, `privacy.erase`).
Also the "Council finance" group, with the permission to see ledgers shared with its council."""

from django.db import migrations

MESSAGE = "budget ledger entries are append-only"

SQLITE = [
    f"""CREATE TRIGGER budgets_entry_no_update BEFORE UPDATE ON budgets_entry
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
    f"""CREATE TRIGGER budgets_entry_no_delete BEFORE DELETE ON budgets_entry
    WHEN NOT EXISTS (SELECT 1 FROM budgets_budget WHERE id = OLD.budget_id AND erased_at IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
]
SQLITE_REVERSE = ["DROP TRIGGER IF EXISTS budgets_entry_no_update;", "DROP TRIGGER IF EXISTS budgets_entry_no_delete;"]

POSTGRESQL = [
    f"""CREATE FUNCTION budgets_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' AND EXISTS (
            SELECT 1 FROM budgets_budget WHERE id = OLD.budget_id AND erased_at IS NOT NULL
        ) THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION '{MESSAGE}';
    END;
    $$;""",
    """CREATE TRIGGER budgets_entry_append_only BEFORE UPDATE OR DELETE ON budgets_entry
    FOR EACH ROW EXECUTE FUNCTION budgets_entry_append_only();""",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS budgets_entry_append_only ON budgets_entry;",
    "DROP FUNCTION IF EXISTS budgets_entry_append_only();",
]


def add_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def remove_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}.get(vendor, []):
        schema_editor.execute(statement)


def add_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label="budgets", model="budget")
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="see_shared_ledgers",
        defaults={"name": "Can see ledgers shared with their council"},
    )
    group, _created = Group.objects.get_or_create(name="Council finance")
    group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("budgets", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(add_triggers, remove_triggers),
        migrations.RunPython(add_group, migrations.RunPython.noop),
    ]
