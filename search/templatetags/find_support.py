"""Tags for the find-support page's hottest markup: the filter options and the result cards.

The filter panel lists every option of every facet (70 to 150 on a page). Through the template language, or even
`format_html` (which escapes every argument, constants included), they were a sixth of the results page's CPU;
here each option escapes only its own value and label.
"""

from urllib.parse import quote as urlquote

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.formats import localize
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def filter_options(group):
    """The checkboxes (or radios) of one group from `presenters.facet_groups`, each with its count."""
    control, parameter, input_type = (escape(group[key]) for key in ("control", "parameter", "input_type"))
    items = []
    for option in group["options"]:
        value = escape(option["value"])
        empty = " app-filters__option--empty" if not option["count"] and not option["selected"] else ""
        checked = " checked" if option["selected"] else ""
        items.append(
            f'<div class="govuk-{control}__item{empty}">'
            f'<input class="govuk-{control}__input" id="filter-{parameter}-{value}" name="{parameter}"'
            f' type="{input_type}" value="{value}"{checked}>'
            f'<label class="govuk-label govuk-{control}__label" for="filter-{parameter}-{value}">'
            f"{escape(option['label'])}"
            f' <span class="app-filters__count">({conditional_escape(option["count_text"])})</span></label>'
            "</div>"
        )
    return mark_safe("\n".join(items))  # noqa: S308 - every value above is escaped


@register.simple_tag
def result_card(card, where=""):
    """One result from `presenters.listing_cards`: twenty of them on a full page, where the template language spent
    a third of a millisecond on each (Django's admin writes its change list's cells in Python for the same reason).
    `where`: the place searched, carried to the enquiry form."""
    e = escape
    slug, title = e(card["slug"]), e(card["title"])
    caption = e(card["kind"])
    if card["distance"]:
        caption += f" · {e(card['distance'])}"
    if card["area"]:
        caption += f' · <span dir="auto">{e(card["area"])}</span>'
    enquire = reverse("enquiries:new", args=[card["slug"]]) + (f"?where={urlquote(where)}" if where else "")
    return mark_safe(  # noqa: S308 - every value is escaped; the rest is our markup and our translations
        f'<li class="app-result" data-listing="{slug}">'
        f'<h3 class="govuk-heading-m app-result__title"><a class="govuk-link" href="{e(card["url"])}" dir="auto">'
        f"{title}</a></h3>"
        f'<p class="govuk-caption-s app-result__kind">{caption}</p>'
        f'<p class="govuk-body" dir="auto">{e(card["summary"])}</p>'
        f'<ul class="app-result__tags">{_tags(card)}</ul>'
        f"{_stamps(card['stamps'])}"
        '<dl class="govuk-summary-list govuk-summary-list--no-border app-result__facts">'
        f"{_fact(_('Reviews'), _rating(card['rating']), 'app-result__rating')}"
        f"{_fact(_('Price'), _price(card))}"
        f"{_fact(_('Support with'), e(', '.join(card['needs']))) if card['needs'] else ''}"
        f"{_fact(_('Languages'), e(', '.join(card['languages']))) if card['languages'] else ''}"
        "</dl>"
        f'<p class="govuk-body-s app-result__enquire"><a class="govuk-link" href="{e(enquire)}">'
        f'{e(_("Send an enquiry"))}<span class="govuk-visually-hidden"> – {title}</span></a></p>'
        "</li>\n"
    )


def _tag(colour, text):
    return f'<li><strong class="govuk-tag govuk-tag--{colour}">{escape(text)}</strong></li>'


def _tags(card):
    tags = [_tag("blue", _("Checks verified"))] if card["verified"] else []
    tags.append(
        _tag("green", _("Accepting new clients")) if card["accepting"] else _tag("grey", _("Not accepting new clients"))
    )
    if card["short_notice"]:
        tags.append(_tag("turquoise", _("Short-notice cover")))
    if card["is_stale"]:
        tags.append(_tag("yellow", _("Not confirmed recently")))
    return "".join(tags)


def _stamps(stamps):
    if not stamps:
        return ""
    items = "".join(
        f'<li class="app-stamp" data-stamp="{escape(stamp["slug"])}">'
        f'<img class="app-stamp__icon" src="{escape(static(stamp["icon"]))}" alt="{escape(stamp["icon_alt"])}"'
        ' width="32" height="32">'
        f'<span class="app-stamp__text"><a class="govuk-link app-stamp__name" href="{escape(stamp["url"])}"'
        f' dir="auto">{escape(stamp["name"])}'
        f'<span class="govuk-visually-hidden">{escape(_(": what this quality stamp means"))}</span></a> '
        f'<span class="app-stamp__endorsers">{escape(stamp["endorsers_text"])}</span></span></li>'
        for stamp in stamps
    )
    return f'<ul class="app-result__stamps" aria-label="{escape(_("Quality stamps"))}">{items}</ul>'


def _fact(key, value, value_class=""):
    classes = f"govuk-summary-list__value {value_class}".strip()
    return (
        f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{escape(key)}</dt>'
        f'<dd class="{classes}">{value}</dd></div>'
    )


def _rating(rating):
    if not rating:
        return escape(_("No reviews yet"))
    return f'<span class="app-stars" aria-hidden="true">{escape(rating["stars"])}</span> {escape(rating["text"])}'


def _price(card):
    if not card["price"]:
        return escape(_("No hourly price listed: ask the provider"))
    parts = [escape(card["price_text"])]
    if position := card["market_position"]:
        sentence = price_position(position, card["market"], card["market_service"])
        parts.append(f'<br><span class="app-price-compare app-price-compare--{escape(position)}">{sentence}</span>')
    if rate := card["direct_payment_rate"]:
        if card["above_direct_payment_rate"]:
            text = _with(_("Above the council’s direct-payment rate of £%(rate)s an hour"), rate=rate.hourly_rate)
            parts.append(f'<br><span class="app-price-compare app-price-compare--above">{text}</span>')
        else:
            text = _with(_("Within the council’s direct-payment rate of £%(rate)s an hour"), rate=rate.hourly_rate)
            parts.append(f'<br><span class="app-price-compare">{text}</span>')
    return "".join(parts)


@register.simple_tag
def price_position(position, market, service):
    """Where a price sits among local prices ("below", "within" or "above" the middle half), in words."""
    if position == "below":
        text = _("Below most local prices for %(service)s (£%(low)s to £%(high)s)")
    elif position == "above":
        text = _("Above most local prices for %(service)s (£%(low)s to £%(high)s)")
    else:
        text = _("In line with most local prices for %(service)s (£%(low)s to £%(high)s)")
    return mark_safe(_with(text, service=service, low=market.lower_quartile, high=market.upper_quartile))  # noqa: S308


def _with(translated, **values):
    """A translation with its placeholders filled as `blocktranslate` fills them: values localized and escaped."""
    return translated % {name: escape(localize(value)) for name, value in values.items()}
