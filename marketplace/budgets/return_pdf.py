"""The monitoring return as a PDF, for a council finance officer to file instead of the paper return: the same
figures as the CSV (`monitoring.monitoring_return`), laid out by `marketplace.core.pdf`."""

from django.utils import formats
from django.utils.translation import gettext as _
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from marketplace.bookings.money import as_pounds
from marketplace.core import pdf

from .monitoring import monitoring_return


def render(budget, version, span, now=None):
    found = monitoring_return(budget, version, span, now)
    summary = found.summary
    look = pdf.styles()
    body, strong = look.body, look.strong
    date = formats.date_format
    period = _("Period: %(start)s to %(end)s") % {
        "start": date(span.start, "j F Y"),
        "end": date(span.last_day, "j F Y"),
    }
    story = [pdf.text(_("Monitoring return"), look.heading)]
    story += [pdf.text(f"{label}: {value}", body) for label, value in found.details]
    story += [
        pdf.text(period, body),
        pdf.text(_("Budget for the period: %(amount)s") % {"amount": as_pounds(summary.budget_pence)}, strong),
        Spacer(1, 6 * mm),
    ]
    heading = [_("Date"), _("Kind"), _("Paid to"), _("What it was for"), _("Amount"), _("Receipt")]
    rows = [[pdf.text(label, strong) for label in heading]]
    for entry in found.entries:
        rows.append(
            [
                pdf.text(date(entry.occurred_on, "j M Y"), body),
                pdf.text(entry.get_kind_display(), body),
                pdf.text(entry.supplier_name, body),
                pdf.text(entry.description, body),
                as_pounds(entry.amount_pence),
                pdf.text(_("yes") if entry.receipt else "", body),
            ]
        )
    totals = len(rows)
    for label, amount in (
        (_("Spent"), summary.spent_pence),
        (_("Committed"), summary.committed_pence),
        (_("Remaining"), summary.remaining_pence),
    ):
        rows.append(["", "", "", pdf.text(label, strong), as_pounds(amount), ""])
    story.append(pdf.table(rows, [24, 26, 34, 48, 24, 18], regular=look.regular, right_column=4, line_above_row=totals))
    title = _("Monitoring return")
    return pdf.build(story, title=f"{title}: {found.details[0][1]}", author=found.details[1][1])
