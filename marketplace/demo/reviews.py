"""Demo reviews: peer groups, reviewers, reviews in several languages, endorsements, replies, invitations and stamps.

Built after the demo directory (`directory`), from a fixed seed, so every run over the same directory writes the
same reviews. Most reviews go to listings of personal assistants and care at home in a few towns (Edinburgh, Leith
above all, Glasgow, the Highlands and Islands, Wales) so the find-support page shows them. Some reviews are held by the
automatic checks (a phone number, an email address, a link, a member of staff named), a few were not published, and
one listing's stamp endorsements are all more than a year old, so its stamp has lapsed.

Demo reviewers sign in with addresses at the directory's demo domain and have no usable password; the demo account
reviewer@example.org belongs to an accredited peer group, so people trying the demo can write a review.
"""

import random
from collections import defaultdict
from datetime import date, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history
from wagtail.models import Locale

from marketplace.core.demo_guard import refuse_demo_data
from providers.models import Listing, Membership, Organisation
from reviews import awards, checks
from reviews.models import (
    Endorsement,
    PeerGroup,
    PeerGroupMember,
    ProviderReply,
    QualityStamp,
    Review,
    ReviewInvitation,
)
from reviews.models.reviews import CRITERIA
from reviews.seed import seed_quality_stamps

from .directory import DEMO_EMAIL_DOMAIN, FIRST_NAMES, SURNAMES
from .directory import TOWNS as DIRECTORY_TOWNS
from .review_texts import (
    ENDORSEMENT_REASONS,
    ENGLISH,
    FLAGGED,
    OTHER_LANGUAGES,
    PEER_GROUPS,
    REJECTED,
    REPLIES,
    STAMP_TRANSLATIONS,
)

SEED = 20261123
REVIEW_COUNT = 170  # every review the demo writes, held and rejected ones included
STAMP_LISTINGS = 14  # listings given enough recent endorsements to hold a stamp
MAX_LISTINGS = 45
REVIEWER_EMAIL = "reviewer{number:03d}@" + DEMO_EMAIL_DOMAIN
# How many demo reviewers write in each language (their preferred language).
REVIEWERS = {"en": 80, "pl": 16, "ur": 14, "ar": 10, "gd": 12, "cy": 12}
DEMO_PEER_REVIEWER = "reviewer@example.org"
DEMO_PROVIDER = "provider@example.org"
DEMO_PERSON = "person@example.org"
DEMO_EDITOR = "editor@example.org"

SCOTLAND = {"en": 0.7, "pl": 0.12, "ur": 0.1, "ar": 0.08}
HIGHLANDS = {"en": 0.55, "gd": 0.45}
WALES = {"en": 0.55, "cy": 0.4, "ar": 0.05}
# Towns whose listings get reviews, how many (relative weight) and in which languages.
TOWNS = {
    "Edinburgh": (5, SCOTLAND),
    "Glasgow": (3, {"en": 0.65, "ur": 0.15, "pl": 0.1, "ar": 0.1}),
    "Dundee": (1.5, {"en": 0.8, "pl": 0.1, "ur": 0.1}),
    "Inverness": (2, HIGHLANDS),
    "Stornoway": (2, {"en": 0.4, "gd": 0.6}),
    "Portree": (2, HIGHLANDS),
    "Fort William": (1.5, HIGHLANDS),
    "Oban": (1.5, HIGHLANDS),
    "Cardiff": (2, WALES),
    "Bangor": (1.5, {"en": 0.45, "cy": 0.55}),
    "Caernarfon": (1.5, {"en": 0.4, "cy": 0.6}),
}
HIGHLAND_TOWNS = ["Inverness", "Portree", "Fort William", "Oban", "Stornoway"]
LEITH = "EH6 "  # Leith's postcodes: the busiest part of the demo
REVIEWED_SERVICES = ("personal-assistant", "care-at-home")
OVERALL = [5] * 50 + [4] * 25 + [3] * 10 + [2] * 8 + [1] * 7  # care reviews lean positive
SIGNATURE_STAMPS = {
    "pa": ["reliable", "person-centred", "treats-me-with-respect", "communicates-well"],
    "team": [
        "reliable",
        "skilled-in-personal-care",
        "good-with-dementia",
        "treats-me-with-respect",
        "communicates-well",
    ],
}


def translate_stamps():
    """Give the seeded stamps their Urdu, Arabic, Gaelic, Polish and Welsh wording. Returns how many it created."""
    seed_quality_stamps()
    default = Locale.get_default()
    created = 0
    for language, wording in STAMP_TRANSLATIONS.items():
        locale, _created = Locale.objects.get_or_create(language_code=language)
        for stamp in QualityStamp.objects.filter(locale=default, slug__in=wording):
            if stamp.get_translation_or_none(locale) is not None:
                continue
            translation = stamp.copy_for_translation(locale)
            name, summary, criteria, icon_alt_text = wording[stamp.slug]
            translation.name, translation.summary, translation.icon_alt_text = name, summary, icon_alt_text
            translation.criteria = "\n".join(criteria)
            translation.save()
            created += 1
    return created


def _month(day, months_back):
    month_index = day.year * 12 + day.month - 1 - months_back
    return date(month_index // 12, month_index % 12 + 1, 1)


class ReviewDemo:
    def __init__(self, seed=SEED):
        self.rng = random.Random(seed)  # noqa: S311 - demo data, the same every run
        self.now = timezone.now()

    @transaction.atomic
    def run(self):
        refuse_demo_data()
        translated = translate_stamps()
        if Review.objects.filter(author__email__endswith="@" + DEMO_EMAIL_DOMAIN).exists():
            return {}
        self.stamps = {stamp.slug: stamp for stamp in QualityStamp.objects.filter(locale=Locale.get_default())}
        User = get_user_model()
        self.editor = User.objects.filter(email=DEMO_EDITOR).first()
        self.provider_user = User.objects.filter(email=DEMO_PROVIDER).first()
        self.provider_listings = self._provider_listings()
        listings = self._listings()
        if len(listings) < 2:
            return {}
        self._plan(listings)
        groups = self._peer_groups()
        self._reviewers(groups)
        reviews = self._reviews()
        endorsements = self._endorsements(reviews)
        replies = self._replies(reviews)
        outstanding = self._outstanding_invitations()
        held = self._refresh_awards(reviews)
        by_status = defaultdict(int)
        for review in reviews:
            by_status[review.status] += 1
        return {
            "peer groups": len(groups),
            "reviewers": len(self.reviewers),
            "reviews": len(reviews),
            "published": by_status[Review.Status.PUBLISHED],
            "held": by_status[Review.Status.HELD],
            "rejected": by_status[Review.Status.REJECTED],
            "endorsements": endorsements,
            "replies": replies,
            "invitations": self.used_invitations + outstanding,
            "listings with stamps": held,
            "stamp translations": translated,
        }

    # --- Listings -----------------------------------------------------------------------------------------------

    def _provider_listings(self):
        """The demo provider account's listings, making it a member of a Highland care co-operative if it belongs
        to no organisation yet (so the account has reviews to reply to and invitations to send)."""
        if self.provider_user is None:
            return []
        visible = Listing.objects.publicly_visible(self.now).filter(service_types__slug__in=REVIEWED_SERVICES)
        if not Membership.objects.filter(user=self.provider_user).exists():
            organisations = Organisation.objects.filter(slug__startswith="demo-").order_by("pk")
            organisation = (
                organisations.filter(
                    supplier__name__endswith="Care Co-operative",
                    supplier__listings__in=visible.filter(base_label__in=HIGHLAND_TOWNS),
                ).first()
                or organisations.filter(
                    supplier__name__endswith="Care Co-operative", supplier__listings__in=visible
                ).first()
                or organisations.filter(supplier__listings__in=visible).first()
            )
            if organisation is None:
                return []
            Membership.objects.create(
                user=self.provider_user, supplier=organisation.supplier, role=Membership.Role.STAFF
            )
        return list(
            visible.filter(supplier__memberships__user=self.provider_user)
            .select_related("supplier__personal_assistant__user")
            .distinct()
            .order_by("pk")
        )

    def _listings(self):
        """Published, visible listings to review: the chosen towns first, then others if the directory is small."""
        visible = (
            Listing.objects.publicly_visible(self.now)
            .select_related("supplier__personal_assistant__user")
            .prefetch_related("languages")
            .order_by("pk")
        )
        care = visible.filter(service_types__slug__in=REVIEWED_SERVICES).distinct()
        chosen = {listing.pk: listing for listing in self.provider_listings}
        for listing in care.filter(base_label__in=TOWNS):
            chosen.setdefault(listing.pk, listing)
        for queryset in (care, visible):
            for listing in queryset:
                if len(chosen) >= MAX_LISTINGS:
                    break
                chosen.setdefault(listing.pk, listing)
        listings = list(chosen.values())
        town_languages = {town: set(codes) for town, _outward, codes in DIRECTORY_TOWNS}
        for listing in listings:
            spoken = town_languages.get(listing.base_label, set()) | {term.code for term in listing.languages.all()}
            spoken = [code for code in REVIEWERS if code != "en" and code in spoken]
            other = {"en": 0.65, **{code: 0.35 / len(spoken) for code in spoken}} if spoken else {"en": 1}
            weight, languages = TOWNS.get(listing.base_label, (1, other))
            if listing.base_postcode.startswith(LEITH):
                weight *= 1.6
            if listing in self.provider_listings:
                weight = max(weight, 3)
            listing.demo_weight, listing.demo_languages = weight, languages
            listing.demo_kind = "pa" if listing.is_personal_assistant else "team"
            listing.demo_staff = checks.staff_names(listing)
            listing.demo_owner = self._owner(listing)
        listings.sort(key=lambda listing: (-listing.demo_weight, listing.pk))
        listings = listings[:MAX_LISTINGS]
        for code in REVIEWERS:  # a small directory may have no town for a language: some reviewers write in it anyway
            if not any(code in listing.demo_languages for listing in listings):
                for listing in listings[:3]:
                    listing.demo_languages = {**listing.demo_languages, code: 0.15}
        return listings

    def _owner(self, listing):
        members = list(listing.supplier.memberships.order_by("-role", "pk").select_related("user"))
        owners = [m.user for m in members if m.role == Membership.Role.OWNER] or [m.user for m in members]
        return owners[0] if owners else None

    # --- What to write where --------------------------------------------------------------------------------------

    def _plan(self, listings):
        """One slot per review: (listing, kind), where kind decides its date, rating, text and endorsements."""
        minimum = settings.REVIEW_STAMP_MIN_ENDORSERS
        lapsed = listings[-1]  # the least busy listing: its only reviews are old ones
        stamp_listings = [listing for listing in listings if listing is not lapsed][:STAMP_LISTINGS]
        slots = []
        for listing in listings:
            pool = SIGNATURE_STAMPS[listing.demo_kind]
            listing.demo_signature = [pool[0], *self.rng.sample(pool[1:], self.rng.randrange(0, 3))]
            self.rng.shuffle(listing.demo_signature)
        for listing in stamp_listings:
            slots += [(listing, "stamp")] * (minimum + self.rng.randrange(0, 3))
        slots += [(lapsed, "lapsed")] * (minimum + 1)
        specials = [(self.rng.choice(stamp_listings), "flagged", item) for item in FLAGGED]
        specials += [(self.rng.choice(listings[:-1]), "rejected", item) for item in REJECTED]
        others = [listing for listing in listings if listing is not lapsed]
        weights = [listing.demo_weight for listing in others]
        regular = REVIEW_COUNT - len(slots) - len(specials)
        slots += [(listing, "regular") for listing in self.rng.choices(others, weights, k=max(regular, 0))]
        self.slots = [(listing, kind, None) for listing, kind in slots] + specials
        self.listings = listings
        self.lapsed = lapsed

    # --- People ---------------------------------------------------------------------------------------------------

    def _user(self, email, display_name, language, joined):
        user = get_user_model()(email=email, display_name=display_name, preferred_language=language, date_joined=joined)
        user.set_unusable_password()
        return user

    def _name(self, language):
        first = self.rng.choice(FIRST_NAMES[language])
        return f"{first} {self.rng.choice(SURNAMES[language])[0]}."

    def _peer_groups(self):
        User = get_user_model()
        founded = self.now - timedelta(days=700)
        coordinators = User.objects.bulk_create(
            [
                self._user(f"{slug}.coordinator@{DEMO_EMAIL_DOMAIN}", self._name("en"), "en", founded)
                for name, slug, _town, _accredited, _description in PEER_GROUPS
            ]
        )
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in coordinators]
        )
        groups = []
        for (name, slug, town, accredited, description), coordinator in zip(PEER_GROUPS, coordinators, strict=True):
            group = PeerGroup(
                name=name,
                description=description,
                website=f"https://{slug}-peer-group.example.org",
                coordinator_email=coordinator.email,
                accredited=accredited,
                accredited_at=founded + timedelta(days=20) if accredited else None,
                accredited_by=self.editor if accredited else None,
            )
            group.save()
            group.demo_town, group.demo_coordinator = town, coordinator
            groups.append(group)
        PeerGroup.objects.filter(pk__in=[group.pk for group in groups]).update(created_at=founded)
        return groups

    def _reviewers(self, groups):
        User = get_user_model()
        accredited = [group for group in groups if group.accredited]
        waiting = [group for group in groups if not group.accredited]
        users, number = [], 0
        for language, count in REVIEWERS.items():
            for _ in range(count):
                number += 1
                joined = self.now - timedelta(days=690 - self.rng.randrange(0, 60))
                users.append(self._user(REVIEWER_EMAIL.format(number=number), self._name(language), language, joined))
        users = User.objects.bulk_create(users)
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users]
        )
        members = [PeerGroupMember(group=accredited[0], email=DEMO_PEER_REVIEWER)] if accredited else []
        self.accredited, self.coordinators = accredited, {group.pk: group.demo_coordinator for group in groups}
        self.group_of = {}
        vouched = self.now - timedelta(days=680)
        for user in users:
            roll = self.rng.random()
            if accredited and roll < 0.55:
                group = accredited[0] if user.preferred_language in ("en", "pl", "ar") and roll < 0.3 else None
                group = group or self.rng.choice(accredited)
                self.group_of[user.pk] = group
                members.append(PeerGroupMember(group=group, email=user.email))
            elif waiting and roll < 0.62:
                members.append(PeerGroupMember(group=waiting[0], email=user.email))
        coordinators = {group.pk: group.demo_coordinator for group in groups}
        for member in members:
            member.vouched_by, member.vouched_at = coordinators[member.group.pk], vouched
        PeerGroupMember.objects.bulk_create(members)
        self.reviewers = users
        self.pools = defaultdict(list)
        for user in users:
            self.pools[user.preferred_language].append(user)

    def _reviewer(self, language, taken):
        """Someone writing in `language` (or else English) who has not reviewed the listing yet, if anyone is left."""
        pool = [user for user in self.pools[language] if user.pk not in taken]
        if not pool:
            language, pool = "en", [user for user in self.pools["en"] if user.pk not in taken]
        return language, self.rng.choice(pool) if pool else None

    # --- Reviews --------------------------------------------------------------------------------------------------

    def _basis(self, review, sources):
        """The peer group a review is written through, or None for a provider's invitation. The reviews that earn a
        listing its stamps come from several independent sources, at most the cap from each, as real stamps need
        (`reviews.independence`); a reviewer may be vouched into a second group for it."""
        group = self.group_of.get(review.author.pk)
        if review.demo_kind not in ("stamp", "lapsed"):
            return group if group is not None and self.rng.random() < 0.65 else None
        cap = settings.REVIEW_MAX_COUNTED_PER_SOURCE
        if group is None or sources[group.pk] >= cap:
            if sources["invited"] < cap:
                group = None
            else:
                free = [item for item in self.accredited if sources[item.pk] < cap]
                group = self.rng.choice(free) if free else None
                if group is not None:
                    self.extra_members.append(
                        PeerGroupMember(
                            group=group,
                            email=review.author.email,
                            vouched_by=self.coordinators[group.pk],
                            vouched_at=review.created_at - timedelta(days=self.rng.randrange(10, 60)),
                        )
                    )
        sources[group.pk if group is not None else "invited"] += 1
        return group

    def _check_independence(self, review):
        """Editors check most invited reviews a few days after they arrive; the newest wait in their queue."""
        checked = review.created_at + timedelta(days=self.rng.uniform(1, 9))
        stamp = review.demo_kind in ("stamp", "lapsed")
        if review.status == Review.Status.PUBLISHED and checked < self.now and (stamp or self.rng.random() < 0.75):
            review.independence_checked_at, review.independence_checked_by = checked, self.editor

    def _reviews(self):
        taken = defaultdict(set)  # listing -> reviewers
        sources = defaultdict(lambda: defaultdict(int))  # listing -> source -> reviews earning stamps
        reviews, invitations, self.extra_members = [], [], []
        for listing, kind, special in self.slots:
            review = self._review(listing, kind, special, taken[listing.pk])
            if review is None:
                continue
            taken[listing.pk].add(review.author.pk)
            group = self._basis(review, sources[listing.pk])
            if group is not None:
                review.basis, review.peer_group = Review.Basis.PEER_GROUP, group
            else:
                sent = review.created_at - timedelta(days=self.rng.randrange(1, 15), hours=self.rng.randrange(0, 8))
                review.basis = Review.Basis.INVITATION
                review.invitation = ReviewInvitation(
                    listing=listing,
                    email=review.author.email,
                    created_by=listing.demo_owner,
                    created_at=sent,
                    expires_at=sent + timedelta(days=settings.REVIEW_INVITATION_DAYS),
                    used_at=review.created_at,
                )
                invitations.append(review.invitation)
                self._check_independence(review)
            reviews.append(review)
        PeerGroupMember.objects.bulk_create(self.extra_members, ignore_conflicts=True)
        ReviewInvitation.objects.bulk_create(invitations)
        for review in reviews:
            review.invitation_id = review.invitation.pk if review.invitation else None
        self.used_invitations = len(invitations)
        reviews.sort(key=lambda review: review.created_at)
        return bulk_create_with_history(reviews, Review, batch_size=500)

    def _review(self, listing, kind, special, taken):
        rng = self.rng
        days = {
            "stamp": lambda: rng.uniform(3, 330),
            "lapsed": lambda: rng.uniform(390, 560),
            "flagged": lambda: rng.uniform(0.2, 30),
            "rejected": lambda: rng.uniform(20, 400),
            "regular": lambda: 600 * rng.random() ** 1.4,
        }[kind]()
        created = self.now - timedelta(days=days)
        if kind == "flagged":
            language, text, _flag, overall = special
        elif kind == "rejected":
            language, (text, reason, overall) = "en", special
        else:
            language = rng.choices(list(listing.demo_languages), list(listing.demo_languages.values()))[0]
            overall = rng.choice([5, 5, 5, 4, 4]) if kind in ("stamp", "lapsed") else rng.choice(OVERALL)
            text = None
        language, author = self._reviewer(language, taken)
        if author is None:  # a tiny directory: every reviewer has reviewed this listing already
            return None
        if text is None:
            text = self._text(listing, language, overall)
        review = Review(
            listing=listing,
            author=author,
            overall=overall,
            text=text,
            language=language,
            support_started=_month(created.date(), rng.randrange(1, 31)),
            created_at=created,
            updated_at=created,
            **self._criteria(overall),
        )
        review.flags = checks.check_text(text, listing.demo_staff)
        review.demo_kind = kind
        if kind == "rejected":
            review.status, review.decision_reason = Review.Status.REJECTED, reason
            review.decided_by, review.decided_at = self.editor, created + timedelta(hours=rng.randrange(5, 60))
        elif review.flags:
            review.status = Review.Status.HELD
        else:
            review.status, review.published_at = Review.Status.PUBLISHED, created
        return review

    def _criteria(self, overall):
        ratings = {}
        for name, _label in CRITERIA:
            if self.rng.random() < (0.35 if name == "value" else 0.2):
                ratings[name] = None
            else:
                spread = [-1, 0, 0, 0, 1] if overall > 2 else [-1, 0, 1, 1, 2]
                ratings[name] = min(5, max(1, overall + self.rng.choice(spread)))
        return ratings

    def _text(self, listing, language, overall):
        rng = self.rng
        team = listing.demo_kind == "team"
        name = " ".join(listing.supplier.name.split()[:-1]) if not team else ""
        if language == "en":
            words, closings = ENGLISH[listing.demo_kind], ENGLISH["closings"]
            details, mixed = words["details"], words["mixed"]
        else:
            words = closings = OTHER_LANGUAGES[language]
            closings = words["closings"]
            details = words["details"] + (words["team_details"] if team else [])
            mixed = words["mixed"] + (words["team_mixed"] if team else [])
        if overall == 3:
            return rng.choice(mixed).format(name=name)
        if overall < 3:
            return rng.choice(words["negative"]).format(name=name)
        voice, opening = rng.choice(words["openings"])
        if voice == "any":
            voice = rng.choice([voice for voice, _text in details])
        fitting = [text for who, text in details if who in (voice, "any")]
        parts = [opening, *rng.sample(fitting, min(len(fitting), rng.choice([1, 2, 2, 3]))), rng.choice(closings)]
        return " ".join(part for part in parts if part).format(name=name)

    # --- Endorsements, replies and invitations ------------------------------------------------------------------

    def _endorsements(self, reviews):
        rows = []
        for review in reviews:
            listing = review.listing
            if review.demo_kind in ("stamp", "lapsed"):
                slugs = [listing.demo_signature[0]]
                slugs += [slug for slug in listing.demo_signature[1:] if self.rng.random() < 0.75]
            elif review.overall >= 4 and review.demo_kind != "rejected" and self.rng.random() < 0.45:
                choices = [*listing.demo_signature, self.rng.choice(sorted(self.stamps))]
                if review.language != "en":
                    choices.append("culturally-aware")
                slugs = self.rng.sample(choices, min(len(choices), self.rng.choice([1, 1, 2])))
            else:
                continue
            if review.demo_kind == "lapsed" and listing.demo_signature[0] not in slugs:
                slugs.append(listing.demo_signature[0])
            for slug in dict.fromkeys(slugs):
                reasons = ENDORSEMENT_REASONS.get(review.language, ENDORSEMENT_REASONS["en"])
                rows.append(
                    Endorsement(
                        review=review,
                        stamp=self.stamps[slug],
                        reason=self.rng.choice(reasons.get(slug) or ENDORSEMENT_REASONS["en"][slug]),
                        created_at=review.created_at,
                    )
                )
        bulk_create_with_history(rows, Endorsement, batch_size=500)
        return len(rows)

    def _replies(self, reviews):
        rows = []
        provider_listings = {listing.pk for listing in self.provider_listings}
        for review in reviews:
            listing = review.listing
            if review.status != Review.Status.PUBLISHED or listing.demo_owner is None:
                continue
            mood = "positive" if review.overall >= 4 else "mixed" if review.overall == 3 else "negative"
            chance = {"positive": 0.22, "mixed": 0.55, "negative": 0.7}[mood]
            if listing.pk in provider_listings:
                chance /= 2  # leave the demo provider reviews to answer
            if self.rng.random() >= chance:
                continue
            if listing.demo_kind == "pa":
                if review.language != "en":
                    continue
                voice = REPLIES["pa"]
            else:
                voice = REPLIES.get(review.language, REPLIES["en"])
            at = min(review.created_at + timedelta(days=self.rng.uniform(0.5, 12)), self.now)
            author = (
                self.provider_user if listing.pk in provider_listings and self.provider_user else listing.demo_owner
            )
            rows.append(
                ProviderReply(
                    review=review, text=self.rng.choice(voice[mood]), author=author, created_at=at, updated_at=at
                )
            )
        bulk_create_with_history(rows, ProviderReply, batch_size=500)
        return len(rows)

    def _outstanding_invitations(self):
        """Two invitations waiting to be used on the demo provider's listing (one for the demo person who uses
        support, who can accept it) and one that expired unused."""
        if not self.provider_listings:
            return 0
        listing, by = self.provider_listings[0], self.provider_user
        days = settings.REVIEW_INVITATION_DAYS
        rows = [
            (DEMO_PERSON, self.now - timedelta(days=3)),
            (f"new.client@{DEMO_EMAIL_DOMAIN}", self.now - timedelta(days=9)),
            (f"former.client@{DEMO_EMAIL_DOMAIN}", self.now - timedelta(days=days + 20)),
        ]
        ReviewInvitation.objects.bulk_create(
            [
                ReviewInvitation(
                    listing=listing, email=email, created_by=by, created_at=at, expires_at=at + timedelta(days)
                )
                for email, at in rows
            ]
        )
        return len(rows)

    # --- Stamps ---------------------------------------------------------------------------------------------------

    def _refresh_awards(self, reviews):
        """Record each listing's stamps as they stood when it first qualified, then as they stand now, so awards have
        realistic dates and the lapsed listing's award shows as lapsed."""
        from providers.signals import announce_listings_changed

        minimum = settings.REVIEW_STAMP_MIN_ENDORSERS
        dates = defaultdict(lambda: defaultdict(list))  # listing -> stamp -> dates of endorsing, published reviews
        rows = Endorsement.objects.filter(review__in=reviews).values_list(
            "review__listing_id", "stamp_id", "created_at", "review__status"
        )
        for listing_id, stamp_id, created_at, status in rows:
            dates[listing_id][stamp_id] += [created_at] if status == Review.Status.PUBLISHED else []
        listings = {listing.pk: listing for listing in self.listings}
        for listing_id, by_stamp in sorted(dates.items()):
            qualified = [sorted(when)[minimum - 1] for when in by_stamp.values() if len(when) >= minimum]
            if qualified:
                awards.refresh(listings[listing_id], now=min(qualified))
            awards.refresh(listings[listing_id], now=self.now)
        announce_listings_changed(__name__, [listing.pk for listing in self.listings])
        return len(awards.held_stamps(list(listings), self.now))
