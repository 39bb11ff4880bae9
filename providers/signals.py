"""Signals other apps listen to, so providers never needs to import them."""

from django.dispatch import Signal

# Sent after the transaction commits, when a listing becomes public (approved, or reinstated after a suspension).
# Arguments: listing_id.
listing_published = Signal()

# Sent when something shown about listings changed outside the directory (their ratings or quality stamps), so that
# whatever keeps copies of listings (the search index) refreshes them. Arguments: listing_ids.
listings_changed = Signal()


def announce_listings_changed(sender, listing_ids):
    listing_ids = sorted({pk for pk in listing_ids if pk is not None})
    if listing_ids:
        listings_changed.send(sender=sender, listing_ids=listing_ids)
