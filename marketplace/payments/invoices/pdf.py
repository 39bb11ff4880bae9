"""An invoice as a PDF (reportlab), in the reader's language.

The text is set in DejaVu Sans where the machine has it (Latin scripts with Welsh and Polish letters, and Arabic
letters); reportlab neither joins Arabic letters nor orders right-to-left text, so Urdu and Arabic readers get the
figures, names and dates right but the labels are best read on the invoice page. Without DejaVu Sans it falls back
to Helvetica (Latin-1 only).
"""

import io
from pathlib import Path
from xml.sax.saxutils import escape

from django.utils import formats
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from marketplace.bookings.money import as_pounds

FONT_PATHS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
)
_fonts = None


def fonts():
    """(regular, bold) font names: DejaVu Sans if installed, else Helvetica."""
    global _fonts  # noqa: PLW0603 (registered once per process)
    if _fonts is None:
        regular, bold = FONT_PATHS
        if regular.exists() and bold.exists():
            pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
            pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
            _fonts = ("DejaVuSans", "DejaVuSans-Bold")
        else:
            _fonts = ("Helvetica", "Helvetica-Bold")
    return _fonts


def _p(text, style):
    return Paragraph(escape(str(text)), style)


def render(invoice, lines, credit_notes, outstanding):
    regular, bold = fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=14)
    heading = ParagraphStyle("heading", fontName=bold, fontSize=16, leading=20, spaceAfter=6)
    strong = ParagraphStyle("strong", parent=body, fontName=bold)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=_("Invoice %(reference)s") % {"reference": invoice.reference},
        author=invoice.supplier_name,
    )
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
    table = Table(rows, colWidths=[28 * mm, 90 * mm, 22 * mm, 30 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), regular),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (3, 0), (3, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEABOVE", (0, len(lines) + 1), (-1, len(lines) + 1), 0.8, colors.black),
            ]
        )
    )
    story.append(table)
    document.build(story)
    return buffer.getvalue()
