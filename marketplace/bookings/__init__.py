"""Bookings agreed from an enquiry, their planned and delivered visits, short-notice cover and calendar feeds."""
