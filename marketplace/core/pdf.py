"""What every PDF the site makes shares (reportlab): the fonts, the A4 page, paragraph styles and tables.

The text is set in DejaVu Sans where the machine has it (Latin scripts with Welsh and Polish letters, and Arabic
letters); reportlab neither joins Arabic letters nor orders right-to-left text, so Urdu and Arabic readers get the
figures, names and dates right but the labels are best read on the page the PDF comes from. Without DejaVu Sans it
falls back to Helvetica (Latin-1 only).
"""

import io
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

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


@dataclass(frozen=True)
class Styles:
    regular: str
    body: ParagraphStyle
    heading: ParagraphStyle
    strong: ParagraphStyle


def styles():
    regular, bold = fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=14)
    heading = ParagraphStyle("heading", fontName=bold, fontSize=16, leading=20, spaceAfter=6)
    return Styles(regular, body, heading, ParagraphStyle("strong", parent=body, fontName=bold))


def text(value, style):
    """A paragraph of plain text (never markup, whatever the text holds)."""
    return Paragraph(escape(str(value)), style)


def table(rows, widths_mm, *, regular, right_column=None, line_above_row=None):
    """A table with a rule under its heading row (repeated on each page), optionally one column right-aligned (money)
    and a rule above one row (the totals)."""
    result = Table(rows, colWidths=[width * mm for width in widths_mm], repeatRows=1)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
    ]
    if right_column is not None:
        style.append(("ALIGN", (right_column, 0), (right_column, -1), "RIGHT"))
    if line_above_row is not None:
        style.append(("LINEABOVE", (0, line_above_row), (-1, line_above_row), 0.8, colors.black))
    result.setStyle(TableStyle(style))
    return result


def build(story, *, title, author):
    """The PDF's bytes: `story` (reportlab flowables) on A4 with 18 mm margins."""
    buffer = io.BytesIO()
    margin = 18 * mm
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin,
        title=title, author=author,
    )  # fmt: skip
    document.build(story)
    return buffer.getvalue()
