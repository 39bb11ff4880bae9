"""Demo enquiries: conversations in several languages between demo people and suppliers, some answered quickly,
some slowly, one waiting, one with contact details shared, one message held for an editor. Idempotent."""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from marketplace.enquiries.models import Enquiry, Message
from providers.models import Listing, Need

SEED = 11
DEMO_PERSON = "person@example.org"
DEMO_PROVIDER = "provider@example.org"
ASKERS = 24  # reviewers from the reviews demo ask too, so listings have reply records

# (language, opening message, reply) in the asker's language: the supplier answers in the same language.
CONVERSATIONS = [
    (
        "en",
        "My dad has dementia and needs someone three mornings a week to help him get washed and dressed.",
        "Thank you for getting in touch. We have a carer free on Monday, Wednesday and Friday mornings in your area.",
    ),
    (
        "ur",
        "میری والدہ کو صبح کپڑے پہننے اور ناشتہ کرنے میں مدد چاہیے۔ کیا آپ کے پاس اردو بولنے والی معاون ہے؟",
        "رابطہ کرنے کا شکریہ۔ جی ہاں، ہماری ایک معاون اردو اور پنجابی بولتی ہیں اور صبح کے اوقات میں دستیاب ہیں۔",
    ),
    (
        "pl",
        "Szukam pomocy dla męża po udarze, dwa razy w tygodniu po południu. Czy macie wolne terminy?",
        "Dziękujemy za wiadomość. Mamy wolne popołudnia we wtorki i czwartki. Możemy się umówić na rozmowę.",
    ),
    (
        "gd",
        "Tha mi a’ coimhead airson cuideachadh le bhith a’ dol a-mach don bhaile dà uair san t-seachdain.",
        "Tapadh leibh airson fios a chur thugainn. Tha ùine againn Diluain agus Diardaoin.",
    ),
    (
        "ar",
        "أبحث عن مساعد شخصي لابني المصاب بالتوحد، ثلاث ساعات بعد المدرسة يوميًا.",
        "شكرًا لتواصلكم. لدينا مساعد ذو خبرة مع الأطفال المصابين بالتوحد ومتاح بعد الظهر.",
    ),
    (
        "cy",
        "Rydw i'n chwilio am gymorth gyda siopa a glanhau unwaith yr wythnos.",
        "Diolch am gysylltu. Gallwn ni helpu ar fore dydd Iau.",
    ),
]


@transaction.atomic
def load_enquiries(now=None):
    """Create the demo conversations once; returns {what: how many} (empty when already loaded)."""
    if Enquiry.objects.filter(person__email=DEMO_PERSON).exists():
        return {}
    rng = random.Random(SEED)  # noqa: S311 - demo data, the same every run
    now = now or timezone.now()
    User = get_user_model()
    listings = list(
        Listing.objects.publicly_visible(now).select_related("supplier").prefetch_related("needs").order_by("pk")
    )
    if not listings:
        return {}
    person = User.objects.filter(email=DEMO_PERSON).first()
    askers = [person] if person else []
    askers += list(User.objects.filter(email__startswith="reviewer").order_by("pk")[:ASKERS])
    provider_ids = set(
        Listing.objects.filter(supplier__memberships__user__email=DEMO_PROVIDER).values_list("pk", flat=True)
    )
    provider_listings = [listing for listing in listings if listing.pk in provider_ids]
    counts = {"enquiries": 0, "messages": 0}
    targets = provider_listings[:3] + rng.sample(listings, min(len(listings), 40))
    for number, listing in enumerate(targets):
        asker = askers[number % len(askers)] if askers else None
        if asker is None or listing.supplier.memberships.filter(user=asker).exists():
            continue
        language, opening, answer = CONVERSATIONS[number % len(CONVERSATIONS)]
        created = now - timedelta(days=rng.uniform(1, 80))
        enquiry = Enquiry.objects.create(
            person=asker,
            created_by=asker,
            listing=listing,
            supplier=listing.supplier,
            area=(listing.base_postcode.split()[0] if listing.base_postcode else listing.base_label)[:120],
            days=sorted(rng.sample(range(7), rng.randint(1, 3))),
            times=[rng.choice(["morning", "afternoon", "evening"])],
            hours_per_week=rng.choice([3, 6, 8, 10, 12]),
            language=language,
            created_at=created,
            last_message_at=created,
        )
        enquiry.needs.set(list(listing.needs.all())[:2] or list(Need.objects.filter(slug="personal-care")[:1]))
        messages = [Message(enquiry=enquiry, side="person", sender=asker, body=opening, created_at=created)]
        # Most suppliers answer within hours, some take days, a few have not answered yet.
        roll = rng.random()
        if roll < 0.85 or listing in provider_listings[:2]:
            delay = timedelta(hours=rng.choice([1, 2, 3, 5, 8, 20, 50]))
            replied = min(created + delay, now - timedelta(minutes=5))
            sender = listing.supplier.members.first()
            messages.append(Message(enquiry=enquiry, side="supplier", sender=sender, body=answer, created_at=replied))
            enquiry.first_reply_at = enquiry.last_message_at = replied
            if rng.random() < 0.3:
                enquiry.person_shares_contact_at = enquiry.supplier_shares_contact_at = replied + timedelta(hours=1)
        Message.objects.bulk_create(messages)
        enquiry.save()
        counts["enquiries"] += 1
        counts["messages"] += len(messages)
    held = Enquiry.objects.filter(person__email=DEMO_PERSON).first()
    if held is not None:
        Message.objects.create(
            enquiry=held,
            side="supplier",
            sender=held.supplier.members.first(),
            body="Easier to sort out by phone: ring me on 07700 900123 this evening.",
            status=Message.Status.HELD,
            flags=["phone"],
            created_at=now - timedelta(hours=2),
        )
        counts["messages"] += 1
    return counts
