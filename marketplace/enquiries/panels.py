"""What enquiries add to other pages: a listing's reply record, a supplier's dashboard, a person's account page."""

import math

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from marketplace.acting import context as acting

from .models import Enquiry
from .services import reply_record


def listing_reply_record(listing, request, terms):
    return describe(reply_record(listing.supplier))


def describe(record):
    """How quickly a supplier replies, in words for people choosing one."""
    if record.median_hours is None:
        return _("Not enough enquiries yet to say how quickly they reply.")
    hours = math.ceil(record.median_hours)
    if hours <= 1:
        speed = _("Usually replies within an hour.")
    elif hours < 48:
        speed = ngettext("Usually replies within %(count)s hour.", "Usually replies within %(count)s hours.", hours) % {
            "count": hours
        }
    else:
        days = math.ceil(hours / 24)
        speed = ngettext("Usually replies within %(count)s day.", "Usually replies within %(count)s days.", days) % {
            "count": days
        }
    answered = _("Answered %(answered)s of %(total)s enquiries in the last 90 days.") % {
        "answered": record.answered,
        "total": record.enquiries,
    }
    return f"{speed} {answered}"


def supplier_panel(supplier, request):
    enquiries = Enquiry.objects.filter(supplier=supplier, status=Enquiry.Status.OPEN)
    waiting = enquiries.filter(first_reply_at__isnull=True).count()
    return {"template": "enquiries/panels/supplier.html", "waiting": waiting, "supplier": supplier}


def account_panel(user, request):
    person = acting.principal(request)
    recent = list(Enquiry.objects.filter(person=person).select_related("listing")[:3])
    return {"template": "enquiries/panels/account.html", "recent": recent, "now": timezone.now()}
