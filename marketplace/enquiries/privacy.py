"""Enquiries in a person's data (`marketplace.core.privacy`). Erasing a person keeps the supplier's record that a
conversation happened, and removes everything the person wrote or said about themself."""

from marketplace.core.privacy import iso

from .models import Enquiry, Message

ERASED = "—"


def export(user, emails):
    enquiries = Enquiry.objects.filter(person=user).select_related("listing", "supplier").prefetch_related("messages")
    return {
        "enquiries": [
            {
                "listing": enquiry.listing.title,
                "supplier": enquiry.supplier.name,
                "area": enquiry.area,
                "days": enquiry.days,
                "times": enquiry.times,
                "start_date": iso(enquiry.start_date),
                "hours_per_week": enquiry.hours_per_week,
                "language": enquiry.language,
                "created_at": iso(enquiry.created_at),
                "messages": [
                    {
                        "from": message.side,
                        "text": message.body,
                        "at": iso(message.created_at),
                        "status": message.status,
                    }
                    for message in enquiry.messages.all()
                ],
            }
            for enquiry in enquiries.order_by("pk")
        ]
    }


def erase(user, emails):
    enquiries = Enquiry.objects.filter(person=user)
    Message.objects.filter(enquiry__in=enquiries, side=Message.Side.PERSON).update(body=ERASED)
    enquiries.update(area=ERASED, days=[], times=[], start_date=None, hours_per_week=None, status=Enquiry.Status.CLOSED)
