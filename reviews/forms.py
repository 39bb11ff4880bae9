"""Forms for reviews, replies, reports, invitations and vouching. Every bad value gets a clear, translated error."""

import re
from datetime import date

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from marketplace.core.fields import email_field, radio_field
from marketplace.core.terms import localize

from . import checks
from .models import ReviewReport
from .models.reviews import CRITERIA
from .services import Draft

MIN_REVIEW_LENGTH = 30
EARLIEST_YEAR = 1950
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
STARS = [(str(n), str(n)) for n in range(1, 6)]


def plain_text(value, what):
    """Reject markup: people write plain text here, and a tag is a mistake or an attack either way."""
    if _MARKUP.search(value or ""):
        raise forms.ValidationError(
            _("Write %(what)s as plain text, without HTML tags such as <script>") % {"what": what}
        )
    return value


def _rating_field(label, required):
    return forms.TypedChoiceField(
        label=label,
        choices=STARS if required else [("", _("Not sure"))] + STARS,
        coerce=int,
        empty_value=None,
        required=required,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose an overall rating from 1 to 5 stars"),
            "invalid_choice": _("Choose a rating from 1 to 5 stars"),
        },
    )


class ReviewForm(forms.Form):
    overall = _rating_field(_("Overall, how would you rate this support?"), required=True)
    text = forms.CharField(
        label=_("Your review"),
        help_text=_(
            "Say what the support was like for you. Do not include anyone’s full name, phone number, email address or "
            "links: an editor reads reviews that do before they are published."
        ),
        min_length=MIN_REVIEW_LENGTH,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Write your review"),
            "min_length": _("Write at least %(limit_value)d characters, so others can learn from your experience"),
            "max_length": _("Write %(limit_value)d characters or fewer (you have written %(show_value)d)"),
        },
    )
    language = forms.ChoiceField(
        label=_("The language you are writing in"),
        choices=settings.LANGUAGES,
        required=False,
        error_messages={"invalid_choice": _("Choose a language from the list")},
    )
    started_month = forms.TypedChoiceField(
        label=_("Month"),
        choices=[("", "")] + [(str(m), str(m)) for m in range(1, 13)],
        coerce=int,
        empty_value=None,
        error_messages={
            "required": _("Enter the month your support started, as a number from 1 to 12"),
            "invalid_choice": _("Enter the month your support started, as a number from 1 to 12"),
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "maxlength": "2"}),
    )
    started_year = forms.IntegerField(
        label=_("Year"),
        min_value=EARLIEST_YEAR,
        error_messages={
            "required": _("Enter the year your support started, like 2024"),
            "invalid": _("Enter the year your support started, like 2024"),
            "min_value": _("Enter a year from %(limit_value)s onwards"),
            "max_value": _("The month support started must be this month or earlier"),
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "maxlength": "4"}),
    )
    stamps = forms.MultipleChoiceField(
        label=_("Quality stamps you endorse (optional)"),
        help_text=_("Choose only stamps whose criteria this support met for you, and say why in a sentence."),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose only from the stamps shown")},
    )

    def __init__(self, *args, stamps, used_support_question=False, review=None, **kwargs):
        if review is not None and "initial" not in kwargs:
            kwargs["initial"] = initial_for(review)
        super().__init__(*args, **kwargs)
        self.fields["started_year"].max_value = timezone.localdate().year
        self.fields["started_year"].validators.append(MaxValueValidator(timezone.localdate().year))
        for name, label in CRITERIA:
            self.fields[name] = _rating_field(label, required=False)
        self.stamp_objects = {stamp.slug: stamp for stamp in stamps}
        shown = localize(stamps, Locale.get_active())
        self.fields["stamps"].choices = [(stamp.slug, stamp.name) for stamp in shown]
        self.stamp_details = {stamp.slug: stamp for stamp in shown}
        for stamp in stamps:
            self.fields[f"reason_{stamp.slug}"] = forms.CharField(
                label=_("Why do you endorse it?"),
                required=False,
                max_length=300,
                error_messages={"max_length": _("Write %(limit_value)d characters or fewer")},
            )
        if used_support_question:
            self.fields["used_support"] = forms.BooleanField(
                label=_("I have used this support, or I am the family carer or advocate of someone who has"),
                error_messages={"required": _("Confirm that you have used this support")},
            )
        if not self.is_bound and not self.initial.get("language"):
            self.initial["language"] = writing_language_default()
        self.order_fields(
            ["overall", *(name for name, _ in CRITERIA), "text", "language", "started_month", "started_year", "stamps"]
        )

    def criteria_fields(self):
        return [self[name] for name, _ in CRITERIA]

    def stamp_rows(self):
        """Each stamp's checkbox data with its reason field, for the template."""
        chosen = set(self["stamps"].value() or [])
        return [
            {
                "slug": slug,
                "stamp": self.stamp_details[slug],
                "checked": slug in chosen,
                "reason": self[f"reason_{slug}"],
            }
            for slug, _ in self.fields["stamps"].choices
        ]

    def clean_text(self):
        return plain_text(self.cleaned_data["text"].strip(), _("your review"))

    def clean_language(self):
        return self.cleaned_data["language"] or writing_language_default()

    def clean(self):
        cleaned = super().clean()
        month, year = cleaned.get("started_month"), cleaned.get("started_year")
        if month and year:
            started = date(year, month, 1)
            today = timezone.localdate()
            if started > today.replace(day=1):
                self.add_error("started_month", _("The month support started must be this month or earlier"))
            else:
                cleaned["support_started"] = started
        for slug in cleaned.get("stamps") or []:
            field = f"reason_{slug}"
            reason = (cleaned.get(field) or "").strip()
            if field in self.errors:
                continue
            if not reason:
                self.add_error(field, _("Say why you endorse “%(stamp)s”") % {"stamp": self.stamp_details[slug].name})
                continue
            try:
                cleaned[field] = plain_text(reason, _("your reason"))
            except forms.ValidationError as error:
                self.add_error(field, error)
        return cleaned

    def draft(self):
        data = self.cleaned_data
        return Draft(
            overall=data["overall"],
            text=data["text"],
            language=data["language"],
            support_started=data["support_started"],
            ratings={name: data.get(name) for name, _ in CRITERIA},
            endorsements={self.stamp_objects[slug]: data[f"reason_{slug}"].strip() for slug in data["stamps"]},
        )


def writing_language_default():
    """The interface's language, which is most often the one people write in."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    codes = [code for code, _name in settings.LANGUAGES]
    return current if current in codes else settings.LANGUAGE_CODE


def initial_for(review):
    initial = {
        "overall": review.overall,
        "text": review.text,
        "language": review.language,
        "started_month": review.support_started.month,
        "started_year": review.support_started.year,
        "stamps": [],
    }
    for name, _label in CRITERIA:
        initial[name] = getattr(review, name)
    for endorsement in review.endorsements.select_related("stamp"):
        initial["stamps"].append(endorsement.stamp.slug)
        initial[f"reason_{endorsement.stamp.slug}"] = endorsement.reason
    return initial


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Your public reply"),
        help_text=_(
            "Everyone can read it under the review. Do not name the person or share anything about their care."
        ),
        min_length=10,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Write your reply"),
            "min_length": _("Write at least %(limit_value)d characters"),
            "max_length": _("Write %(limit_value)d characters or fewer (you have written %(show_value)d)"),
        },
    )

    def clean_text(self):
        text = plain_text(self.cleaned_data["text"].strip(), _("your reply"))
        flags = checks.check_text(text)
        if checks.ABUSE in flags:
            raise forms.ValidationError(_("Remove the abusive words from your reply"))
        if {checks.PHONE, checks.EMAIL, checks.STAFF_NAME} & set(flags):
            # A reply must not name the reviewer or anyone else; contact details belong on the listing.
            raise forms.ValidationError(_("Remove names, phone numbers and email addresses from your reply"))
        return text


class ReportForm(forms.Form):
    reason = radio_field(
        _("What is wrong with this review?"),
        ReviewReport.Reason.choices,
        _("Choose what is wrong with the review"),
        _("Choose what is wrong with the review from the list"),
    )
    details = forms.CharField(
        label=_("Tell the editor more"),
        help_text=_("What the editor needs to know to decide. The reviewer does not see this."),
        min_length=10,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Tell the editor what is wrong"),
            "min_length": _("Write at least %(limit_value)d characters"),
            "max_length": _("Write %(limit_value)d characters or fewer (you have written %(show_value)d)"),
        },
    )

    def clean_details(self):
        return plain_text(self.cleaned_data["details"].strip(), _("the details"))


class EmailForm(forms.Form):
    email = email_field(_("Enter an email address"), own=False)  # someone else's: a client or a member

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class InvitationForm(EmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Your client’s email address")
        self.fields["email"].help_text = _(
            "We email them a link to review this listing. It works once, for %(days)s days, and only for this address."
        ) % {"days": settings.REVIEW_INVITATION_DAYS}
