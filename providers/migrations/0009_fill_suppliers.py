"""One supplier for each organisation and each personal assistant; everything that pointed at either points at it.

Every row is kept: listings, checks, memberships and invitations get their supplier, a PA becomes the owner member of
their own supplier, and the listings' history rows get the supplier their listing had then. Public names and contact
details move to the supplier in the next migration, after they are copied here.
"""

from django.db import migrations
from django.db.models import OuterRef, Subquery

BATCH = 500


def forwards(apps, schema_editor):
    Supplier = apps.get_model("providers", "Supplier")
    Organisation = apps.get_model("providers", "Organisation")
    PersonalAssistant = apps.get_model("providers", "PersonalAssistant")
    Membership = apps.get_model("providers", "Membership")
    Listing = apps.get_model("providers", "Listing")
    HistoricalListing = apps.get_model("providers", "HistoricalListing")
    Verification = apps.get_model("providers", "Verification")
    Invitation = apps.get_model("providers", "Invitation")

    for organisation in Organisation.objects.order_by("pk").iterator(chunk_size=BATCH):
        supplier = Supplier.objects.create(
            kind="organisation",
            name=organisation.name,
            email=organisation.email,
            phone=organisation.phone,
            website=organisation.website,
        )
        Supplier.objects.filter(pk=supplier.pk).update(created_at=organisation.created_at)
        organisation.supplier_id = supplier.pk
        organisation.save(update_fields=["supplier"])
    for assistant in PersonalAssistant.objects.order_by("pk").iterator(chunk_size=BATCH):
        supplier = Supplier.objects.create(kind="personal_assistant", name=assistant.display_name)
        Supplier.objects.filter(pk=supplier.pk).update(created_at=assistant.created_at)
        assistant.supplier_id = supplier.pk
        assistant.save(update_fields=["supplier"])
        Membership.objects.create(user_id=assistant.user_id, supplier_id=supplier.pk, role="owner")

    of_organisation = Organisation.objects.filter(pk=OuterRef("organisation_id")).values("supplier_id")[:1]
    of_assistant = PersonalAssistant.objects.filter(pk=OuterRef("personal_assistant_id")).values("supplier_id")[:1]
    for model in (Membership, Invitation):
        model.objects.filter(organisation_id__isnull=False).update(supplier_id=Subquery(of_organisation))
    for model in (Listing, HistoricalListing, Verification):
        model.objects.filter(organisation_id__isnull=False).update(supplier_id=Subquery(of_organisation))
        model.objects.filter(personal_assistant_id__isnull=False).update(supplier_id=Subquery(of_assistant))


class Migration(migrations.Migration):
    dependencies = [("providers", "0008_suppliers")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
