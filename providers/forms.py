"""Forms for the provider dashboard. Views stay thin: validation and cleaning live here, workflow in services."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from marketplace.core.accessibility import alt_text_problems
from marketplace.core.terms import localized_terms
from marketplace.geography.places import approximate

from .models import (
    AvailabilitySlot,
    CouncilArea,
    FundingOption,
    Invitation,
    Language,
    Listing,
    ListingPhoto,
    Membership,
    Need,
    Organisation,
    PersonalAssistant,
    RateCardItem,
    ServiceType,
    Supplier,
    Verification,
)
from .models.listings import MAX_AMOUNT, MAX_RADIUS_KM
from .photos import clean_photo
from .sanitise import sanitise_rich_text

MIN_AMOUNT = Decimal("0.01")
MIN_RADIUS_KM = Decimal("0.5")


# --- Postcodes --------------------------------------------------------------------------------------------------


def geocode_postcode(text):
    """Return (normalised postcode, Location) or raise ValidationError with a message the person can act on."""
    from marketplace.geography.places import lookup_postcode, normalise_postcode

    postcode = normalise_postcode(text or "")
    if not postcode:
        raise ValidationError(_("Enter a real postcode, like EH1 1YZ"), code="malformed")
    location = lookup_postcode(postcode)
    if location is None:
        raise ValidationError(
            _("We cannot find the postcode %(postcode)s. Check it and try again.") % {"postcode": postcode},
            code="unknown",
        )
    return postcode, location


def postcode_field(field):
    """Let the postcode check give the error for text of any length (not a generic "at most 8 characters")."""
    field.max_length = None
    field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
    field.widget.attrs.pop("maxlength", None)
    field.widget.attrs["autocomplete"] = "postal-code"
    return field


def outward_code(postcode):
    """The first half of a postcode ("EH1" of "EH1 1YZ"): an area of a few thousand homes, never one address."""
    postcode = (postcode or "").strip().upper()
    if " " in postcode:
        return postcode.split()[0]
    return postcode[:-3] if len(postcode) > 3 else postcode


def approximate_area(postcode, location):
    """Words for roughly where someone is: the outward code and the council area. Never the full postcode."""
    council = str(getattr(location, "council_area", "") or "").strip()
    outward = outward_code(postcode)
    return f"{outward}, {council}" if council else outward


# --- Taxonomy checkboxes in the reader's language ---------------------------------------------------------------


class TermLabels:
    """For a choice field of taxonomy terms: the default-locale terms (the ones listings point at), labelled in the
    reader's language where translated. Call `prepare()` in the form's `__init__`, under the request's language."""

    def __init__(self, model, **kwargs):
        self.model = model
        self.labels = {}
        super().__init__(queryset=model.objects.none(), **kwargs)

    def prepare(self):
        default = Locale.get_default()
        self.queryset = self.model.objects.filter(locale=default).order_by("sort_order", "name")
        active = Locale.get_active()
        if active.pk != default.pk:
            terms = localized_terms(self.model, active, default=default)
            self.labels = {term.translation_key: term.name for term in terms}

    def label_from_instance(self, obj):
        return self.labels.get(obj.translation_key) or obj.name


class TermChoiceField(TermLabels, forms.ModelMultipleChoiceField):
    """Checkboxes for several terms."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, model, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(model, **kwargs)


class GovukFormMixin:
    """Forms with taxonomy checkboxes: call prepare_term_fields() in __init__ so labels follow the active language."""

    def prepare_term_fields(self):
        for field in self.fields.values():
            if isinstance(field, TermChoiceField):
                field.prepare()


def _formfield(db_field, **kwargs):
    """Model fields to form fields; web addresses typed without a scheme get https://."""
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return db_field.formfield(**kwargs)


# --- Organisations ----------------------------------------------------------------------------------------------


class SupplierFieldsMixin:
    """A profile form's fields that belong to the supplier (its public name and contact), shown on the same page and
    saved onto the supplier by `providers.services` (`supplier_values`)."""

    # form field name -> Supplier field name
    supplier_fields = {}
    supplier_labels = {}
    supplier_errors = {}

    def add_supplier_fields(self, supplier):
        made = forms.fields_for_model(
            Supplier,
            fields=list(self.supplier_fields.values()),
            formfield_callback=_formfield,
            labels={self.supplier_fields[key]: value for key, value in self.supplier_labels.items()},
            error_messages={self.supplier_fields[key]: value for key, value in self.supplier_errors.items()},
        )
        for name, field_name in self.supplier_fields.items():
            self.fields[name] = made[field_name]
            if supplier is not None and not self.is_bound:
                self.initial.setdefault(name, getattr(supplier, field_name))
        self.order_fields(self.field_order_with_supplier)

    def supplier_values(self):
        return {field_name: self.cleaned_data[name] for name, field_name in self.supplier_fields.items()}


class OrganisationForm(SupplierFieldsMixin, GovukFormMixin, forms.ModelForm):
    supplier_fields = {"name": "name", "website": "website", "phone": "phone", "email": "email"}
    supplier_labels = {"name": _("Name")}
    supplier_errors = {"name": {"required": _("Enter the name of the organisation")}}
    field_order_with_supplier = [
        "name",
        "kind",
        "regulator",
        "registration_number",
        "companies_house_number",
        "charity_number",
        "website",
        "phone",
        "email",
        "description",
    ]

    class Meta:
        model = Organisation
        formfield_callback = _formfield
        fields = ["kind", "regulator", "registration_number", "companies_house_number", "charity_number", "description"]
        error_messages = {"kind": {"required": _("Select what kind of organisation it is")}}
        help_texts = {"registration_number": _("If you are registered with a care regulator.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_supplier_fields(self.instance.supplier if self.instance.pk else None)
        self.fields["website"].help_text = _("For example https://www.example.org")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("regulator") and not cleaned.get("registration_number"):
            self.add_error("registration_number", _("Enter your registration number with the care regulator"))
        return cleaned


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "role"]
        error_messages = {
            "email": {
                "required": _("Enter the email address of the person you are inviting"),
                "invalid": _("Enter an email address in the correct format, like name@example.com"),
            }
        }
        help_texts = {"email": _("We will email them a link. They must sign in with this address to join.")}

    def __init__(self, *args, supplier, **kwargs):
        self.supplier = supplier
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = Membership.Role.choices

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if Membership.objects.filter(supplier=self.supplier, user__email__iexact=email).exists():
            raise ValidationError(_("This person is already a member of the organisation"))
        return email


# --- Personal assistant profile ---------------------------------------------------------------------------------


class PersonalAssistantForm(SupplierFieldsMixin, GovukFormMixin, forms.ModelForm):
    supplier_fields = {"display_name": "name"}
    supplier_labels = {"display_name": _("Name shown to the public")}
    supplier_errors = {"display_name": {"required": _("Enter the name you want people to see")}}
    field_order_with_supplier = ["display_name"]

    languages = TermChoiceField(Language, label=_("Languages you can support people in"))
    photo = forms.FileField(
        label=_("Photo of you (optional)"),
        required=False,
        help_text=_("A JPEG, PNG or WebP file. We remove hidden information, such as where it was taken."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        error_messages={"empty": _("The file you chose is empty")},
    )

    class Meta:
        model = PersonalAssistant
        fields = [
            "bio",
            "experience_years",
            "training",
            "qualifications",
            "languages",
            "gender",
            "drives",
            "has_car",
            "employment",
            "home_postcode",
            "photo",
            "photo_alt_text",
        ]
        widgets = {"employment": forms.RadioSelect}
        error_messages = {
            "employment": {"required": _("Select how you work")},
            "home_postcode": {"required": _("Enter your home postcode")},
        }
        help_texts = {
            "home_postcode": _(
                "We never show it. People see only your approximate area, like “EH1, City of Edinburgh”."
            ),
            "photo_alt_text": _("If you add a photo: what it shows, for people who cannot see it."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_supplier_fields(self.instance.supplier if self.instance.pk else None)
        self.fields["display_name"].max_length = 80
        self.fields["display_name"].widget.attrs["maxlength"] = 80
        self.fields["display_name"].validators.append(MaxLengthValidator(80))
        self.prepare_term_fields()
        postcode_field(self.fields["home_postcode"])
        self.fields["experience_years"].max_value = 80
        self.fields["experience_years"].validators.append(MaxValueValidator(80))
        self.fields["experience_years"].widget.attrs["max"] = 80
        self.fields["employment"].choices = PersonalAssistant.Employment.choices
        self.location = None

    def clean_home_postcode(self):
        postcode, self.location = geocode_postcode(self.cleaned_data.get("home_postcode"))
        return postcode

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and hasattr(photo, "content_type"):  # a new upload, not the photo already saved
            return clean_photo(photo)
        return photo

    def clean(self):
        cleaned = super().clean()
        photo = cleaned.get("photo")
        has_photo = bool(photo) if "photo" in cleaned else bool(self.instance.photo)
        if has_photo and "photo" not in self.errors:
            problems = alt_text_problems(cleaned.get("photo_alt_text"))
            if problems:
                self.add_error("photo_alt_text", problems)
        return cleaned

    def save(self, commit=True):
        profile = super().save(commit=False)
        if self.location is not None:
            profile.area_label = approximate_area(profile.home_postcode, self.location)[:80]
        if commit:
            profile.save()
            self.save_m2m()
        return profile


# --- Listings ---------------------------------------------------------------------------------------------------


class ListingDetailsForm(forms.ModelForm):
    """The first step of a new listing: what it is called and what it offers."""

    class Meta:
        model = Listing
        fields = ["title", "summary", "description"]
        formfield_callback = _formfield
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}), "description": forms.Textarea(attrs={"rows": 8})}
        error_messages = {
            "title": {
                "required": _("Enter a title for the listing"),
                "max_length": _("The title must be %(limit_value)d characters or fewer"),
            },
            "summary": {
                "required": _("Enter a short summary of what you offer"),
                "max_length": _("The summary must be %(limit_value)d characters or fewer"),
            },
            "description": {"max_length": _("The description must be %(limit_value)d characters or fewer")},
        }
        help_texts = {
            "summary": _("One or two sentences, up to 300 characters. It shows in search results."),
            "description": _(
                "You can use paragraphs, bold, italics, lists and links. Other formatting and scripts are removed."
            ),
        }

    def clean_description(self):
        return sanitise_rich_text(self.cleaned_data.get("description", ""))


def availability_value(day, band):
    return f"{day}-{band}"


AVAILABILITY_CHOICES = [
    (availability_value(day, band), f"{day_label} {band_label}")
    for day, day_label in AvailabilitySlot.Day.choices
    for band, band_label in AvailabilitySlot.Band.choices
]


class ListingForm(GovukFormMixin, ListingDetailsForm):
    """Everything about a listing except its rate card (a formset) and photos (their own form)."""

    service_types = TermChoiceField(ServiceType, label=_("Services you offer"))
    needs = TermChoiceField(Need, label=_("Needs you support"))
    funding_options = TermChoiceField(FundingOption, label=_("Ways people can pay you"))
    languages = TermChoiceField(Language, label=_("Languages you can support people in"))
    council_areas = forms.ModelMultipleChoiceField(
        queryset=CouncilArea.objects.all(),
        required=False,
        label=_("Council areas you cover"),
        help_text=_("Only if you chose whole council areas. Hold Ctrl (or Cmd) to choose more than one."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    radius_km = forms.DecimalField(
        label=_("Distance you travel from there, in kilometres"),
        help_text=_("Between 0.5 and 200. For example 15"),
        required=False,
        min_value=MIN_RADIUS_KM,
        max_value=Decimal(MAX_RADIUS_KM),
        max_digits=5,
        decimal_places=1,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-5"}),
        error_messages={
            "invalid": _("Enter the distance as a number, like 15"),
            "min_value": _("The distance must be at least 0.5 km"),
            "max_value": _("The distance must be 200 km or less"),
            "max_digits": _("The distance must be 200 km or less"),
            "max_decimal_places": _("Give the distance to one decimal place at most, like 12.5"),
            "max_whole_digits": _("The distance must be 200 km or less"),
        },
    )
    availability = forms.MultipleChoiceField(
        choices=AVAILABILITY_CHOICES, required=False, widget=forms.CheckboxSelectMultiple, label=_("When you can work")
    )

    class Meta(ListingDetailsForm.Meta):
        fields = ListingDetailsForm.Meta.fields + [
            "service_types",
            "needs",
            "funding_options",
            "languages",
            "area_kind",
            "base_postcode",
            "radius_km",
            "council_areas",
            "short_notice_cover",
            "contact_phone",
            "contact_email",
            "contact_website",
            "contact_notes",
            "accepting_new_clients",
        ]
        widgets = {**ListingDetailsForm.Meta.widgets, "area_kind": forms.RadioSelect}
        labels = {
            "base_postcode": _("Postcode you work from"),
            "contact_phone": _("Phone number"),
            "contact_email": _("Email address"),
            "contact_website": _("Website"),
        }
        help_texts = {
            **ListingDetailsForm.Meta.help_texts,
            "base_postcode": _("For example G1 1XQ. People see only the area, not the full postcode."),
            "contact_website": _("For example https://www.example.org"),
        }
        error_messages = {
            **ListingDetailsForm.Meta.error_messages,
            "area_kind": {
                "required": _("Select how you describe where you work"),
                "invalid_choice": _("Select how you describe where you work"),
            },
            "contact_email": {"invalid": _("Enter an email address in the correct format, like name@example.com")},
            "contact_website": {
                "invalid": _("Enter a web address in the correct format, like https://www.example.org")
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prepare_term_fields()
        self.fields["area_kind"].choices = Listing.AreaKind.choices
        postcode_field(self.fields["base_postcode"])
        self.location = None
        if self.instance.pk and not self.is_bound:
            self.initial["availability"] = [
                availability_value(slot.day, slot.band) for slot in self.instance.availability.all()
            ]

    def clean_base_postcode(self):
        text = (self.cleaned_data.get("base_postcode") or "").strip()
        if not text:
            return ""
        postcode, self.location = geocode_postcode(text)
        return postcode

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("area_kind") == Listing.AreaKind.RADIUS and (
            cleaned.get("radius_km") is not None
            and not cleaned.get("base_postcode")
            and "base_postcode" not in self.errors
        ):
            self.add_error("base_postcode", _("Enter the postcode you work from"))
        return cleaned

    def availability_grid(self):
        """Rows of (day, cells) for the accessible availability table."""
        selected = set(self["availability"].value() or [])
        rows = []
        for day, day_label in AvailabilitySlot.Day.choices:
            cells = []
            for band, band_label in AvailabilitySlot.Band.choices:
                value = availability_value(day, band)
                cells.append(
                    {
                        "value": value,
                        "id": f"availability-{value}",
                        "checked": value in selected,
                        "day_label": day_label,
                        "band_label": band_label,
                    }
                )
            rows.append({"day": day_label, "cells": cells})
        return rows

    def save(self, commit=True):
        listing = super().save(commit=False)
        if listing.area_kind == Listing.AreaKind.RADIUS or listing.base_postcode:
            if not listing.base_postcode:
                listing.latitude = listing.longitude = None
                listing.base_label = ""
            elif self.location is not None:
                point = self.location.point
                if listing.is_personal_assistant:  # a PA's base is their home: keep only its approximate area
                    point = approximate(point)
                listing.latitude, listing.longitude = point.latitude, point.longitude
                listing.base_label = approximate_area(listing.base_postcode, self.location)[:120]
        if commit:
            listing.save()
            self.save_m2m()
            self.save_availability(listing)
        return listing

    def save_availability(self, listing):
        wanted = set()
        for value in self.cleaned_data.get("availability", []):
            day, band = value.split("-", 1)
            wanted.add((int(day), band))
        existing = {(slot.day, slot.band): slot.pk for slot in listing.availability.all()}
        stale = [pk for key, pk in existing.items() if key not in wanted]
        if stale:
            AvailabilitySlot.objects.filter(pk__in=stale).delete()
        AvailabilitySlot.objects.bulk_create(
            [
                AvailabilitySlot(listing=listing, day=day, band=band)
                for day, band in wanted
                if (day, band) not in existing
            ]
        )


class RateCardItemForm(forms.ModelForm):
    amount = forms.DecimalField(
        label=_("Price in pounds"),
        min_value=MIN_AMOUNT,
        max_value=MAX_AMOUNT,
        max_digits=7,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-5"}),
        error_messages={
            "required": _("Enter the price"),
            "invalid": _("Enter the price as a number, like 18.50"),
            "min_value": _("The price must be more than £0"),
            "max_value": _("The price must be £5,000 or less"),
            "max_digits": _("The price must be £5,000 or less"),
            "max_whole_digits": _("The price must be £5,000 or less"),
            "max_decimal_places": _("Give the price in pounds and pence, like 18.50"),
        },
    )

    class Meta:
        model = RateCardItem
        fields = ["description", "amount", "unit", "day_type", "notes"]  # the order of the editor's columns
        error_messages = {
            "description": {
                "required": _("Say what the price is for, like “Personal care”"),
                "max_length": _("Keep what the price is for to %(limit_value)d characters or fewer"),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = RateCardItem.Unit.choices
        self.fields["day_type"].choices = RateCardItem.DayType.choices

    def clean_amount(self):
        amount = self.cleaned_data.get("amount")
        if amount is not None and not amount.is_finite():
            raise ValidationError(_("Enter the price as a number, like 18.50"), code="invalid")
        return amount


class BaseRateCardFormSet(forms.BaseInlineFormSet):
    """Rows are saved in the order shown; ticked "remove" rows are deleted."""

    def clean(self):
        super().clean()
        if not 0 <= self.initial_form_count() <= len(self.get_queryset()):
            raise ValidationError(_("The rate card could not be read. Reload the page and try again."), code="tampered")

    def save(self, commit=True):
        items = super().save(commit=False)
        for obj in self.deleted_objects:
            obj.delete()
        position = 0
        for form in self.forms:
            if form in self.deleted_forms or form.instance.pk is None and form not in self.saved_forms:
                continue
            if form.instance.sort_order != position:
                form.instance.sort_order = position
                if form.instance not in items:
                    items.append(form.instance)
            position += 1
        for item in items:
            item.save()
        return items


def rate_card_formset(extra=0):
    return forms.inlineformset_factory(
        Listing,
        RateCardItem,
        form=RateCardItemForm,
        formset=BaseRateCardFormSet,
        extra=extra,
        can_delete=True,
        max_num=30,
        validate_max=True,
    )


# --- Photos -----------------------------------------------------------------------------------------------------


class ListingPhotoForm(forms.ModelForm):
    image = forms.FileField(
        label=_("Upload a photo"),
        help_text=_("A JPEG, PNG or WebP file. We remove hidden information, such as where it was taken."),
        error_messages={"required": _("Choose a photo to upload"), "empty": _("The file you chose is empty")},
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    class Meta:
        model = ListingPhoto
        fields = ["image", "alt_text"]
        labels = {"alt_text": _("Describe the photo")}
        help_texts = {
            "alt_text": _(
                "What the photo shows, for people who cannot see it. For example “Amira helping a man make tea”."
            )
        }
        error_messages = {"alt_text": {"max_length": _("The description must be %(limit_value)d characters or fewer")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alt_text"].required = False  # checked below, with a clearer message

    def clean_image(self):
        return clean_photo(self.cleaned_data["image"])

    def clean_alt_text(self):
        alt_text = (self.cleaned_data.get("alt_text") or "").strip()
        problems = alt_text_problems(alt_text)
        if problems:
            raise ValidationError(problems)
        return alt_text


EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
EVIDENCE_SIGNATURES = {b"%PDF-": "pdf", b"\xff\xd8\xff": "jpg", b"\x89PNG\r\n\x1a\n": "png"}


class VerificationForm(forms.ModelForm):
    """A provider or PA sends a check (with its evidence) for an editor to verify."""

    evidence = forms.FileField(
        label=_("Evidence"),
        help_text=_("A PDF, JPEG or PNG of the certificate, letter or policy, up to 10 MB. Only editors can see it."),
        error_messages={
            "required": _("Choose the file that shows the check"),
            "empty": _("The file you chose is empty"),
        },
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )

    class Meta:
        model = Verification
        fields = ["kind", "detail", "reference", "issued_on", "expires_on", "evidence"]
        widgets = {
            "issued_on": forms.DateInput(attrs={"type": "date"}),
            "expires_on": forms.DateInput(attrs={"type": "date"}),
        }
        error_messages = {
            "kind": {"required": _("Select what the check is")},
            "issued_on": {"invalid": _("Enter the date it was issued, like 2026-03-31")},
            "expires_on": {"invalid": _("Enter the expiry date, like 2027-03-31")},
        }

    def __init__(self, *args, kinds=None, **kwargs):
        super().__init__(*args, **kwargs)
        if kinds is not None:
            self.fields["kind"].choices = [("", _("Choose…"))] + [
                (value, label) for value, label in Verification.Kind.choices if value in kinds
            ]

    def clean_evidence(self):
        upload = self.cleaned_data["evidence"]
        if upload.size > EVIDENCE_MAX_BYTES:
            raise ValidationError(_("The file must be 10 MB or smaller"))
        head = upload.read(8)
        upload.seek(0)
        extension = next((ext for signature, ext in EVIDENCE_SIGNATURES.items() if head.startswith(signature)), None)
        if extension is None:
            raise ValidationError(_("The file must be a PDF, JPEG or PNG"))
        upload.name = f"evidence.{extension}"  # stored by what it is, never by the name it came with
        return upload

    def clean(self):
        cleaned = super().clean()
        issued, expires = cleaned.get("issued_on"), cleaned.get("expires_on")
        if issued and issued > timezone.localdate():
            self.add_error("issued_on", _("The date it was issued cannot be in the future"))
        if issued and expires and expires <= issued:
            self.add_error("expires_on", _("The expiry date must be after the date it was issued"))
        if cleaned.get("kind") == Verification.Kind.INSURANCE and not expires:
            self.add_error("expires_on", _("Enter the date the insurance ends"))
        return cleaned
