"""The starting quality stamps. Editors reword, translate, retire and add stamps in the admin."""

# (slug, name, summary, criteria (one per line), icon, icon description)
STAMPS = [
    (
        "reliable",
        "Reliable",
        "Turns up when agreed and lets you know early if plans change.",
        "Arrives on time for agreed visits\nGives notice of changes as early as they can\nArranges cover when they "
        "cannot come\nDoes what they said they would do",
        "clock",
        "A clock",
    ),
    (
        "treats-me-with-respect",
        "Treats me with respect",
        "Treats you as an equal, in your home and in your life.",
        "Respects your choices, even when they would choose differently\nRespects your privacy and your home\n"
        "Talks to you, not about you\nRespects your culture, faith and identity",
        "hands",
        "Two joined hands",
    ),
    (
        "communicates-well",
        "Communicates well",
        "Listens, explains clearly and keeps you and the people you choose informed.",
        "Listens and checks they have understood\nExplains things in a way that works for you\nUses your way of "
        "communicating, such as BSL, easy read or your language\nAnswers messages within the time agreed",
        "speech",
        "Two speech bubbles",
    ),
    (
        "person-centred",
        "Person-centred",
        "Support is shaped around what matters to you, not around their routine.",
        "Asks what matters to you and plans support around it\nAdapts when your needs or wishes change\nHelps you "
        "do things yourself when you want to\nSupports you to take part in your community",
        "person",
        "A person inside a circle",
    ),
    (
        "culturally-aware",
        "Culturally aware",
        "Understands and respects your culture, faith, food and language.",
        "Respects religious and cultural practices\nPrepares food the way you want it\nCan support you in your "
        "language or arranges someone who can\nAvoids assumptions about your background",
        "globe",
        "A globe",
    ),
    (
        "skilled-in-personal-care",
        "Skilled in personal care",
        "Gives personal care safely, gently and with dignity.",
        "Trained in moving and handling\nProtects your dignity during personal care\nFollows your routines and "
        "preferences\nNotices changes in your skin or health and tells you",
        "heart",
        "A heart",
    ),
    (
        "good-with-dementia",
        "Good with dementia",
        "Understands dementia and supports people living with it patiently.",
        "Has dementia training\nKeeps routines familiar and calm\nCommunicates with patience and reassurance\nWorks "
        "with family carers and respects their knowledge",
        "memory",
        "A thought bubble",
    ),
]


def seed_quality_stamps(QualityStamp=None, locale=None):  # noqa: N803 - historical models come in from migrations
    """Create the starting stamps in the default language where missing. Safe to repeat."""
    if QualityStamp is None:
        from wagtail.models import Locale

        from .models import QualityStamp

        locale = Locale.get_default()
    created = 0
    for order, (slug, name, summary, criteria, icon, alt) in enumerate(STAMPS):
        _stamp, made = QualityStamp.objects.get_or_create(
            slug=slug,
            locale=locale,
            defaults={
                "name": name,
                "summary": summary,
                "criteria": criteria,
                "icon": icon,
                "icon_alt_text": alt,
                "sort_order": order,
            },
        )
        created += made
    return created
