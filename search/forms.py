"""The find-support query as a form: every URL parameter validated, with a clear message for each bad value."""

from decimal import Decimal
from functools import partial

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from marketplace.core.terms import localize
from marketplace.geography import places
from providers.models import AvailabilitySlot, FundingOption, Language, Need, ServiceType
from reviews.models import QualityStamp

from . import document_cache
from .query import GENDERS, KM_PER_MILE, MAX_PAGE, RATING_THRESHOLDS, SORTS, ListingQuery, Place

MAX_TEXT_LENGTH = 200
MAX_WITHIN = 200
MAX_PRICE = Decimal("500")

TERM_MODELS = (
    ("need", Need),
    ("service", ServiceType),
    ("funding", FundingOption),
    ("language", Language),
    ("stamp", QualityStamp),
)

PLACE_PROBLEMS = {
    "empty": _("Enter a postcode or the name of a town or village"),
    "invalid": _("Enter a postcode, like EH6 5AA, or the name of a town or village"),
    "invalid_postcode": _("Enter a real postcode, like EH6 5AA, or just its first part, like EH6"),
    "unknown_place": _("We could not find a place called “%(place)s”. Check the spelling or enter a postcode"),
    "northern_ireland": _(
        "We do not cover Northern Ireland yet. Enter a postcode or place in England, Scotland or Wales"
    ),
    "outside_great_britain": _(
        "This postcode is outside Great Britain, which is all we cover. Enter a postcode or place in England, "
        "Scotland or Wales"
    ),
}
GENDER_LABELS = {"woman": _("Woman"), "man": _("Man"), "non_binary": _("Non-binary")}
SORT_LABELS = {
    "best": _("Best match"),
    "nearest": _("Nearest"),
    "price": _("Lowest price"),
    "rating": _("Highest rated"),
}
UNIT_LABELS = {"mi": _("miles"), "km": _("kilometres")}
RATING_LABELS = {
    4: _("4 stars and above"),
    3: _("3 stars and above"),
    2: _("2 stars and above"),
}


def term_choices(model, locales=None):
    """(slug, name) for each default-language term (the slugs listings and search documents carry), named in the
    reader's language where translated, ordered as editors ordered them.

    `locales` is (default, active), for callers that look up several taxonomies at once."""
    default, active = locales or (Locale.get_default(), Locale.get_active())
    terms = list(model.objects.filter(locale=default))
    return [(term.slug, shown.name) for term, shown in zip(terms, localize(terms, active), strict=True)]


CHOICE_ERRORS = {
    "invalid_choice": _("Choose only from the options shown"),
    "invalid_list": _("Choose only from the options shown"),
}


class SearchForm(forms.Form):
    where = forms.CharField(
        label=_("Postcode or place"),
        help_text=_("For example EH6 5AA, EH6 or Edinburgh"),
        required=False,
        max_length=places.MAX_QUERY_LENGTH,
        error_messages={"max_length": _("Enter a postcode or place name of %(limit_value)d characters or fewer")},
    )
    near = forms.CharField(required=False, widget=forms.HiddenInput, max_length=40)
    q = forms.CharField(
        label=_("Words to search for (optional)"),
        help_text=_("For example “dementia”, “personal assistant” or “Polish”"),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        error_messages={"max_length": _("Enter %(limit_value)d characters or fewer to search for")},
    )
    need = forms.MultipleChoiceField(label=_("Needs"), required=False, widget=forms.CheckboxSelectMultiple)
    service = forms.MultipleChoiceField(label=_("Type of service"), required=False, widget=forms.CheckboxSelectMultiple)
    funding = forms.MultipleChoiceField(label=_("How you pay"), required=False, widget=forms.CheckboxSelectMultiple)
    language = forms.MultipleChoiceField(label=_("Languages"), required=False, widget=forms.CheckboxSelectMultiple)
    gender = forms.ChoiceField(
        label=_("Personal assistant’s gender"),
        required=False,
        choices=[("", _("No preference"))] + [(key, GENDER_LABELS[key]) for key in GENDERS],
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose a gender from the list")},
    )
    day = forms.TypedMultipleChoiceField(
        label=_("Days"),
        required=False,
        coerce=int,
        choices=[(str(day.value), day.label) for day in AvailabilitySlot.Day],
        widget=forms.CheckboxSelectMultiple,
        error_messages=CHOICE_ERRORS,
    )
    time = forms.MultipleChoiceField(
        label=_("Times of day"),
        required=False,
        choices=AvailabilitySlot.Band.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=CHOICE_ERRORS,
    )
    short_notice = forms.BooleanField(label=_("Can cover at short notice"), required=False)
    verified = forms.BooleanField(label=_("Checks verified by us"), required=False)
    accepting = forms.BooleanField(label=_("Accepting new clients"), required=False)
    rating = forms.TypedChoiceField(
        label=_("Rating from reviews"),
        required=False,
        coerce=float,
        empty_value=None,
        choices=[("", _("Any rating"))] + [(str(value), RATING_LABELS[value]) for value in RATING_THRESHOLDS],
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose a rating from the list")},
    )
    stamp = forms.MultipleChoiceField(label=_("Quality stamps"), required=False, widget=forms.CheckboxSelectMultiple)
    max_price = forms.DecimalField(
        label=_("Most you want to pay per hour (£)"),
        required=False,
        min_value=Decimal("1"),
        max_value=MAX_PRICE,
        max_digits=5,
        decimal_places=2,
        error_messages={
            "invalid": _("Enter a price per hour in pounds, like 18 or 18.50"),
            "min_value": _("Enter a price per hour of at least £%(limit_value)s"),
            "max_value": _("Enter a price per hour of £%(limit_value)s or less"),
            "max_digits": _("Enter a price per hour of £500 or less"),
            "max_decimal_places": _("Enter a price in pounds and pence, like 18.50"),
            "max_whole_digits": _("Enter a price per hour of £500 or less"),
        },
    )
    within = forms.IntegerField(
        label=_("Based within"),
        required=False,
        min_value=1,
        max_value=MAX_WITHIN,
        error_messages={
            "invalid": _("Enter a distance as a whole number, like 10"),
            "min_value": _("Enter a distance of at least %(limit_value)s"),
            "max_value": _("Enter a distance of %(limit_value)s or less"),
        },
    )
    units = forms.ChoiceField(
        label=_("Distances in"),
        required=False,
        choices=list(UNIT_LABELS.items()),
        error_messages={"invalid_choice": _("Choose miles or kilometres")},
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[(key, SORT_LABELS[key]) for key in SORTS],
        error_messages={"invalid_choice": _("Choose how to sort from the list")},
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": _("The page number must be a whole number"),
            "min_value": _("The page number must be 1 or more"),
            "max_value": _("The page number must be %(limit_value)s or less"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.locations = ()
        language = get_language()
        for name, model in TERM_MODELS:
            self.fields[name].choices = document_cache.remember(
                ("term-choices", model._meta.label, language), partial(term_choices, model)
            )
            self.fields[name].error_messages.update(CHOICE_ERRORS)
        self.fields["stamp"].error_messages.update(
            invalid_choice=_("Choose quality stamps from the list"),
            invalid_list=_("Choose quality stamps from the list"),
        )

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def clean_near(self):
        near = self.cleaned_data["near"].strip()
        if not near:
            return None
        try:
            point = shared_location(near)
        except ValueError:
            raise forms.ValidationError(
                _("We could not use your location. Enter a postcode or place instead")
            ) from None
        if not (49.8 <= point.latitude <= 60.9 and -8.7 <= point.longitude <= 1.8):
            raise forms.ValidationError(_("Your location seems to be outside Great Britain. Enter a postcode or place"))
        return point

    def clean(self):
        cleaned = super().clean()
        where = cleaned.get("where")
        if where is None:  # too long: the field has said so
            return cleaned
        if not where and (self.errors.get("near") or cleaned.get("near")):
            if self.errors.get("near"):
                self.add_error("where", self.errors.pop("near"))
            else:
                self.place = place_near(cleaned["near"])
            return cleaned
        self.errors.pop("near", None)  # a typed place wins over a location shared earlier
        resolution = places.resolve(where)
        if resolution.problem:
            self.add_error("where", PLACE_PROBLEMS[resolution.problem] % {"place": where})
        elif len(resolution.locations) > 1:
            self.locations = resolution.locations
        else:
            self.place = place_from(resolution.locations[0], qualified="," in where)
        return cleaned

    @property
    def is_ambiguous(self):
        return bool(self.locations)

    def query(self):
        """The ListingQuery for a valid, unambiguous form."""
        data = self.cleaned_data
        units = data.get("units") or "mi"
        within = data.get("within")
        return ListingQuery(
            place=self.place,
            text=data.get("q", ""),
            needs=tuple(data.get("need", ())),
            service_types=tuple(data.get("service", ())),
            funding=tuple(data.get("funding", ())),
            languages=tuple(data.get("language", ())),
            gender=data.get("gender") or "",
            days=tuple(sorted(set(data.get("day", ())))),
            bands=tuple(data.get("time", ())),
            short_notice=bool(data.get("short_notice")),
            max_price=data.get("max_price"),
            verified_only=bool(data.get("verified")),
            accepting_only=bool(data.get("accepting")),
            min_rating=data.get("rating"),
            stamps=tuple(data.get("stamp", ())),
            within_km=(within * KM_PER_MILE if units == "mi" else float(within)) if within else None,
            sort=data.get("sort") or "best",
            page=data.get("page") or 1,
        )


def place_from(location, qualified=False):
    """The Place a resolved location stands for; a place chosen among several keeps its council in its label."""
    if location.kind == "place" and qualified and (location.council_area or location.country):
        label = f"{location.label}, {location.council_area or location.country}"
        return Place(label, location.point, location.council_area, council_code=location.council_code)
    outward = None
    if location.kind in ("postcode", "outward"):
        outward = places.outward_code(location.label) if location.kind == "postcode" else location.label
    return Place(location.label, location.point, location.council_area, outward, location.council_code)


def shared_location(text):
    """The point in a "near" parameter ("55.97,-3.17"), rounded to about a kilometre: enough to find who covers the
    place, and all a saved search or a link should hold. ValueError when it is not a position."""
    latitude, longitude = (float(part) for part in text.split(","))
    return places.Point(round(latitude, 2), round(longitude, 2))


def place_near(point):
    council = places.council_for(point)
    return Place(str(_("your location")), point, council and council.name, None, council and council.code)
