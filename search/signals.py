"""Keep search current whenever something a listing's search document holds changes: the documents the database
backend keeps are dropped (`search.document_cache`), and after the commit a reindex of the listings concerned is
queued for the search engine, when there is one."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from providers.models import (
    AvailabilitySlot,
    CouncilArea,
    FundingOption,
    Language,
    Listing,
    Need,
    Organisation,
    PersonalAssistant,
    RateCardItem,
    ServiceType,
    Supplier,
    Verification,
)
from providers.signals import listings_changed
from reviews.models import Endorsement, PeerGroup, QualityStamp, Review, StampAward

from .document_cache import documents_changed


def engine_configured():
    return getattr(settings, "LISTING_SEARCH_BACKEND", "database") != "database"


def queue_reindex(listing_ids):
    listing_ids = sorted({pk for pk in listing_ids if pk is not None})
    if not listing_ids:
        return
    documents_changed()
    if not engine_configured():
        return
    from .tasks import reindex_listings

    transaction.on_commit(partial(reindex_listings.enqueue, listing_ids))


def documents_may_have_changed(sender, **kwargs):
    """Kept documents are dropped, with no reindex: documents carry every name of their terms (a search in Urdu
    finds the English listing), which the search form offers by name too; and reviews written by any path, not only
    those that announce `listings_changed` (which reindexes), change ratings and stamps; so does a peer group's
    accreditation, which decides whose reviews count."""
    documents_changed()


def listing_changed(sender, instance, **kwargs):
    queue_reindex([instance.pk])


def listing_terms_changed(sender, instance, action, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if isinstance(instance, Listing):
        queue_reindex([instance.pk])
    elif model is Listing:  # changed from the other side: a term or council area gained or lost listings
        queue_reindex(pk_set or [])


def listings_changed_elsewhere(sender, listing_ids, **kwargs):
    """Ratings and stamps (reviews) are in the documents too."""
    queue_reindex(listing_ids)


def listing_part_changed(sender, instance, **kwargs):
    queue_reindex([instance.listing_id])


def supplier_changed(sender, instance, **kwargs):
    """A supplier's name, a PA's gender and public area, and an organisation's kind appear in its listings'
    documents."""
    supplier_id = instance.pk if isinstance(instance, Supplier) else instance.supplier_id
    queue_reindex(Listing.objects.filter(supplier_id=supplier_id).values_list("pk", flat=True))


def verification_changed(sender, instance, **kwargs):
    queue_reindex(Listing.objects.filter(supplier_id=instance.supplier_id).values_list("pk", flat=True))


M2M_FIELDS = ("needs", "service_types", "funding_options", "languages", "council_areas")
# Their names appear in documents and in the search form's choices (kept by search.document_cache).
TERM_MODELS = (Need, ServiceType, FundingOption, Language, CouncilArea, QualityStamp)


def connect():
    uid = "site_search."
    listings_changed.connect(listings_changed_elsewhere, dispatch_uid=uid + "listings_changed")
    post_save.connect(listing_changed, sender=Listing, dispatch_uid=uid + "listing_saved")
    post_delete.connect(listing_changed, sender=Listing, dispatch_uid=uid + "listing_deleted")
    for field in M2M_FIELDS:
        through = getattr(Listing, field).through
        m2m_changed.connect(listing_terms_changed, sender=through, dispatch_uid=f"{uid}{field}_changed")
    for model in (RateCardItem, AvailabilitySlot):
        post_save.connect(listing_part_changed, sender=model, dispatch_uid=f"{uid}{model.__name__}_saved")
        post_delete.connect(listing_part_changed, sender=model, dispatch_uid=f"{uid}{model.__name__}_deleted")
    for model in (Supplier, PersonalAssistant, Organisation):
        post_save.connect(supplier_changed, sender=model, dispatch_uid=f"{uid}{model.__name__}_saved")
    post_save.connect(verification_changed, sender=Verification, dispatch_uid=uid + "verification_saved")
    post_delete.connect(verification_changed, sender=Verification, dispatch_uid=uid + "verification_deleted")
    for model in (*TERM_MODELS, Review, Endorsement, StampAward, PeerGroup):
        post_save.connect(documents_may_have_changed, sender=model, dispatch_uid=f"{uid}{model.__name__}_kept_saved")
        post_delete.connect(
            documents_may_have_changed, sender=model, dispatch_uid=f"{uid}{model.__name__}_kept_deleted"
        )
