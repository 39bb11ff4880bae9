"""Demo bookings: offers and bookings in every state grown from the demo conversations, in the conversation's
language, through the real services (dated in the past, without emails): open, changed, declined, withdrawn and
expired offers; accepted, active, ended and cancelled bookings; visits planned, waiting to be confirmed, delivered,
approved by the person and automatically, disputed, sent to an editor and cancelled late; a short-notice cover
request. Idempotent."""

from datetime import time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from marketplace.bookings import cancellations, notifications, offers, planning, visits
from marketplace.bookings.models import Booking, CoverInvitation, CoverRequest, Side, Visit
from marketplace.bookings.offers import ItemDraft, OfferDraft
from marketplace.bookings.schedule import SlotTimes
from marketplace.enquiries.models import Enquiry
from providers.models import Listing

from .enquiries import DEMO_PERSON, DEMO_PROVIDER

# What each side writes, in the conversation's language: the offer's message, a visit note, a dispute, a request
# for a change and a reason for cancelling.
WORDS = {
    "en": (
        "As we discussed: Monday and Thursday mornings with the same carer.",
        "Helped with breakfast, a shower and a short walk.",
        "The carer left half an hour early.",
        "Could the visits start at ten instead of nine?",
        "We are moving to another area.",
    ),
    "ur": (
        "جیسا کہ بات ہوئی: پیر اور جمعرات کی صبح، ایک ہی معاون کے ساتھ۔",
        "ناشتے، نہانے اور تھوڑی سی سیر میں مدد کی۔",
        "معاون آدھا گھنٹہ پہلے چلی گئیں۔",
        "کیا ملاقاتیں نو کے بجائے دس بجے شروع ہو سکتی ہیں؟",
        "ہم دوسرے علاقے میں منتقل ہو رہے ہیں۔",
    ),
    "pl": (
        "Tak jak ustaliliśmy: poniedziałki i czwartki rano, zawsze ta sama opiekunka.",
        "Pomoc przy śniadaniu, prysznicu i krótki spacer.",
        "Opiekunka wyszła pół godziny wcześniej.",
        "Czy wizyty mogą zaczynać się o dziesiątej zamiast o dziewiątej?",
        "Przeprowadzamy się w inne miejsce.",
    ),
    "gd": (
        "Mar a bhruidhinn sinn: madainnean Diluain is Diardaoin leis an aon neach-cùraim.",
        "Chuidich mi le bracaist, fras agus cuairt ghoirid.",
        "Dh’fhalbh an neach-cùraim leth-uair a thìde tràth.",
        "Am b’ urrainn do na tadhalan tòiseachadh aig deich an àite naoi?",
        "Tha sinn a’ gluasad gu sgìre eile.",
    ),
    "ar": (
        "كما اتفقنا: صباح الاثنين والخميس مع مقدّم الرعاية نفسه.",
        "ساعدتُ في الفطور والاستحمام ونزهة قصيرة.",
        "غادر مقدّم الرعاية قبل الموعد بنصف ساعة.",
        "هل يمكن أن تبدأ الزيارات في العاشرة بدلًا من التاسعة؟",
        "سننتقل إلى منطقة أخرى.",
    ),
    "cy": (
        "Fel y trafodwyd: boreau Llun a Iau gyda’r un gofalwr.",
        "Helpu gyda brecwast, cawod a thro byr.",
        "Gadawodd y gofalwr hanner awr yn gynnar.",
        "Allai’r ymweliadau ddechrau am ddeg yn lle naw?",
        "Rydyn ni’n symud i ardal arall.",
    ),
}

# The states the demo shows, one conversation each, the demo person's own first.
SCENARIOS = [
    "active",
    "offered",
    "referred",
    "accepted",
    "change_requested",
    "ended",
    "declined",
    "cancelled",
    "withdrawn",
    "expired",
    "one_off_delivered",
]


def _words(enquiry):
    return WORDS.get(enquiry.language, WORDS["en"])


def _draft(enquiry, start, *, now, end=None, one_off=False):
    rate = enquiry.listing.rates.order_by("sort_order", "pk").first()
    item = ItemDraft(rate, rate.description, rate.unit, offers.rate_card_pence(rate))
    if one_off:
        slots = offers.one_off(start, time(14), time(16))
    else:
        slots = tuple(SlotTimes(day, time(9), time(11)) for day in (0, 3))
    return OfferDraft(
        kind=Booking.Kind.ONE_OFF if one_off else Booking.Kind.WEEKLY,
        start_date=start,
        end_date=start if one_off else end,
        slots=slots,
        items=(item,),
        notice_hours=24,
        charge_percent=50,
        expires_at=now + timedelta(days=5),
        message=_words(enquiry)[0],
    )


def _offer(enquiry, weeks_ago, now, **draft):
    """An offer made `weeks_ago` weeks before `now` (its first day a few days after that)."""
    made = now - timedelta(weeks=weeks_ago)
    start = timezone.localdate(made) + timedelta(days=2)
    supplier_user = enquiry.supplier.members.first()
    return offers.make_offer(enquiry, _draft(enquiry, start, now=made, **draft), supplier_user, now=made), made


def _accepted(enquiry, weeks_ago, now, **draft):
    offer, made = _offer(enquiry, weeks_ago, now, **draft)
    return offers.accept(offer, enquiry.person, enquiry.person, now=made + timedelta(hours=3))


def _confirm(visit, booking, note):
    visits.confirm(visit, booking.supplier.members.first(), visit.starts_at, visit.ends_at, note, now=visit.ends_at)
    visit.refresh_from_db()
    return visit


def _past(booking, now):
    return list(booking.visits.filter(ends_at__lt=now - timedelta(hours=1)).order_by("starts_at"))


def _active(enquiry, now):
    """Five weeks in: visits approved by the person and automatically, one disputed, one waiting for approval, the
    last waiting to be confirmed, a late cancellation and a request for short-notice cover."""
    booking = _accepted(enquiry, 5, now)
    words, person = _words(enquiry), enquiry.person
    past = _past(booking, now)
    for visit in past[:-1]:
        _confirm(visit, booking, words[1])
    for visit in past[:-4]:
        visits.approve(visit, person, person, now=visit.ends_at + timedelta(hours=5))
    visits.dispute(past[-4], person, person, words[2], now=past[-4].ends_at + timedelta(hours=6))
    planning.auto_approve(now - timedelta(days=2))
    coming = booking.visits.filter(status=Visit.Status.PLANNED, starts_at__gt=now).order_by("starts_at").first()
    if coming is not None:
        cancellations.cancel_visit(coming, person, Side.PERSON, words[4], now=now)
    _cover(booking, now)
    return booking


def _cover(booking, now):
    """Someone to cover a visit next week, asked of two suppliers who offer short-notice cover."""
    request = CoverRequest.objects.create(
        booking=booking,
        person=booking.person,
        created_by=booking.person,
        date=timezone.localdate(now) + timedelta(days=6),
        start_time=time(9),
        end_time=time(11),
        created_at=now - timedelta(hours=4),
    )
    covering = (
        Listing.objects.publicly_visible(now)
        .filter(short_notice_cover=True)
        .exclude(supplier=booking.supplier)
        .order_by("pk")[:2]
    )
    CoverInvitation.objects.bulk_create(
        [CoverInvitation(request=request, supplier=listing.supplier, listing=listing) for listing in covering]
    )


def _referred(enquiry, now):
    """A visit disputed, corrected by the supplier, disputed again: now with an editor."""
    booking = _accepted(enquiry, 3, now)
    words, person = _words(enquiry), enquiry.person
    visit = _confirm(_past(booking, now)[0], booking, words[1])
    at = visit.ends_at + timedelta(hours=4)
    visits.dispute(visit, person, person, words[2], now=at)
    supplier_user = booking.supplier.members.first()
    visits.correct(visit, supplier_user, visit.starts_at, visit.ends_at - timedelta(minutes=30), words[1], now=at)
    visits.dispute(visit, person, person, words[2], now=at + timedelta(hours=2))
    return booking


def _ended(enquiry, now):
    offer, made = _offer(enquiry, 10, now, end=timezone.localdate(now) - timedelta(weeks=3))
    booking = offers.accept(offer, enquiry.person, enquiry.person, now=made + timedelta(hours=2))
    for visit in _past(booking, now):
        _confirm(visit, booking, _words(enquiry)[1])
    planning.auto_approve(now)
    planning.end_bookings(now)
    return booking


def _one_off_delivered(enquiry, now):
    booking = _accepted(enquiry, 1, now, one_off=True)
    for visit in _past(booking, now):
        _confirm(visit, booking, _words(enquiry)[1])
    return booking


def _build(scenario, enquiry, now):
    person, words = enquiry.person, _words(enquiry)
    supplier_user = enquiry.supplier.members.first()
    if scenario == "active":
        return _active(enquiry, now)
    if scenario == "referred":
        return _referred(enquiry, now)
    if scenario == "ended":
        return _ended(enquiry, now)
    if scenario == "one_off_delivered":
        return _one_off_delivered(enquiry, now)
    if scenario == "accepted":
        offer = offers.make_offer(
            enquiry,
            _draft(enquiry, timezone.localdate(now) + timedelta(days=9), now=now),
            supplier_user,
            now=now - timedelta(days=1),
        )
        return offers.accept(offer, person, person, now=now - timedelta(hours=20))
    offer = offers.make_offer(
        enquiry,
        _draft(enquiry, timezone.localdate(now) + timedelta(days=7), now=now),
        supplier_user,
        now=now - timedelta(days=1),
    )
    if scenario == "change_requested":
        return offers.request_change(offer, person, person, words[3], now=now - timedelta(hours=6))
    if scenario == "declined":
        return offers.decline(offer, person, person, words[4], now=now - timedelta(hours=6))
    if scenario == "withdrawn":
        return offers.withdraw(offer, supplier_user, now=now - timedelta(hours=6))
    if scenario == "expired":
        Booking.objects.filter(pk=offer.pk).update(expires_at=now - timedelta(hours=1))
        planning.expire_offers(now)
        return offer
    if scenario == "cancelled":
        booking = offers.accept(offer, person, person, now=now - timedelta(hours=20))
        return cancellations.cancel_booking(booking, supplier_user, Side.SUPPLIER, words[4], now=now)[0]
    return offer  # "offered": waiting for the person's answer


def _conversations():
    """Answered demo conversations whose listing has a rate card, the demo person's with the demo provider first,
    one per listing, in as many languages as there are."""
    answered = (
        Enquiry.objects.filter(first_reply_at__isnull=False, status=Enquiry.Status.OPEN, listing__rates__isnull=False)
        .select_related("listing", "supplier", "person")
        .distinct()
        .order_by("pk")
    )
    ordered = sorted(
        answered,
        key=lambda e: (
            not (e.person and e.person.email == DEMO_PERSON),
            not e.supplier.members.filter(email=DEMO_PROVIDER).exists(),
            e.pk,
        ),
    )
    chosen, listings = [], set()
    for enquiry in ordered:
        if enquiry.person is not None and enquiry.listing_id not in listings and enquiry.supplier.members.exists():
            chosen.append(enquiry)
            listings.add(enquiry.listing_id)
    return chosen


@transaction.atomic
def load_bookings(now=None):
    """Create the demo bookings once; returns {what: how many} (empty when already loaded or nothing to build on)."""
    if Booking.objects.exists():
        return {}
    now = now or timezone.now()
    built = 0
    with notifications.muted():
        for enquiry in _conversations():
            if built == len(SCENARIOS):
                break
            try:
                with transaction.atomic():
                    _build(SCENARIOS[built], enquiry, now)
            except ValidationError:  # a conversation the services refuse (blocked, closed): the next one takes it
                continue
            built += 1
    counts = {"bookings and offers": built}
    for status, label in Visit.Status.choices:
        count = Visit.objects.filter(status=status).count()
        if count:
            counts[f"visits {str(label).lower()}"] = count
    counts["cover requests"] = CoverRequest.objects.count()
    return counts
