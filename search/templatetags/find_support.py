"""Tags for the find-support page's hottest markup.

The filter panel lists every option of every facet (70 to 150 on a page). Through the template language, or even
`format_html` (which escapes every argument, constants included), they were a sixth of the results page's CPU;
here each option escapes only its own value and label.
"""

from django import template
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe

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
