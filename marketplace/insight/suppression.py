"""Small numbers hidden: any figure counting fewer than five people or suppliers is shown as "fewer than 5".

One helper for every table, chart and download, so that no figure slips out another way. Zero stays zero: it tells
a commissioner nothing about anyone, and "nobody offers this here" is the point of the page.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

THRESHOLD = 5
SUPPRESSED_TEXT = _("fewer than 5")
EXPLANATION = _(
    "To protect people’s privacy, any figure that counts between 1 and 4 people, searches or suppliers is not shown: "
    "it says “fewer than 5” instead. Figures worked out from fewer than 5 (such as a median price) are hidden too."
)


@dataclass(frozen=True)
class Figure:
    """A number in a table. `value` is None when it is suppressed; `display` is what people and downloads see."""

    value: object
    suppressed: bool = False
    suffix: str = ""

    @property
    def display(self):
        if self.suppressed:
            return str(SUPPRESSED_TEXT)
        if self.value is None:
            return "–"
        return f"{self.value}{self.suffix}"

    def __str__(self):
        return self.display


def count(number):
    """A count of people, searches or suppliers: hidden when it is 1 to 4."""
    number = int(number or 0)
    if 0 < number < THRESHOLD:
        return Figure(None, suppressed=True)
    return Figure(number)


def derived(value, based_on, suffix=""):
    """A figure worked out from `based_on` people or suppliers (a median, a share): hidden when that is 1 to 4, and
    shown as a dash when there is nothing to work it out from."""
    if 0 < based_on < THRESHOLD:
        return Figure(None, suppressed=True)
    return Figure(value if based_on else None, suffix=suffix)
