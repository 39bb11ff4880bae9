"""An invoice as a PDF (reportlab), in the reader's language; fonts and layout from `marketplace.core.pdf`."""

from django.utils import formats
from django.utils.translation import gettext as _
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from marketplace.bookings.money import as_pounds
from marketplace.core import pdf


def render(invoice, lines, credit_notes, outstanding):
    look = pdf.styles()
    body, heading, strong = look.body, look.heading, look.strong
    _p = pdf.text
    date = formats.date_format
    story = [
        _p(_("Invoice %(reference)s") % {"reference": invoice.reference}, heading),
        _p(_("From: %(supplier)s") % {"supplier": invoice.supplier_name}, body),
    ]
    if invoice.vat_number:
        story.append(_p(_("VAT registration number: %(number)s") % {"number": invoice.vat_number}, body))
    story += [
        _p(_("To: %(person)s") % {"person": invoice.person_name}, body),
        _p(_("Issued: %(date)s") % {"date": date(invoice.issued_at, "j F Y")}, body),
        _p(
            _("For support from %(start)s to %(end)s")
            % {"start": date(invoice.period_start, "j F Y"), "end": date(invoice.period_end, "j F Y")},
            body,
        ),
        _p(_("Status: %(status)s") % {"status": invoice.get_status_display()}, strong),
        Spacer(1, 6 * mm),
    ]
    rows = [[_p(_("Date"), strong), _p(_("What for"), strong), _p(_("Minutes"), strong), _p(_("Amount"), strong)]]
    for line in lines:
        what = _("Late cancellation: %(what)s") % {"what": line.description} if line.cancelled else line.description
        rows.append(
            [_p(date(line.starts_at, "j M Y"), body), _p(what, body), _p(line.minutes, body), as_pounds(line.net_pence)]
        )
    rows.append(["", _p(_("Net"), strong), "", as_pounds(invoice.net_pence)])
    if invoice.vat_rate_basis_points:
        rows.append(
            ["", _p(_("VAT at %(rate)s%%") % {"rate": invoice.vat_percent}, strong), "", as_pounds(invoice.vat_pence)]
        )
    rows.append(["", _p(_("Total"), strong), "", as_pounds(invoice.total_pence)])
    for note in credit_notes:
        label = _("Credit note %(reference)s: %(reason)s") % {"reference": note.reference, "reason": note.reason}
        rows.append(["", _p(label, body), "", as_pounds(-note.total_pence)])
    if credit_notes:
        rows.append(["", _p(_("Still to pay"), strong), "", as_pounds(outstanding)])
    story.append(pdf.table(rows, [28, 90, 22, 30], regular=look.regular, right_column=3, line_above_row=len(lines) + 1))
    title = _("Invoice %(reference)s") % {"reference": invoice.reference}
    return pdf.build(story, title=title, author=invoice.supplier_name)
