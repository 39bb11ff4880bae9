"""Signals other apps listen to, so providers never needs to import them."""

from django.dispatch import Signal

# Sent after the transaction commits, when a listing becomes public (approved, or reinstated after a suspension).
# Arguments: listing_id.
listing_published = Signal()
