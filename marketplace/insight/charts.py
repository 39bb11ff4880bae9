"""Charts as SVG drawn here, with attributes only (the Content-Security-Policy forbids inline styles). Each is hidden
from screen readers: the table beside it holds the same figures. Drawn in Python rather than a template: a summary
page has a few thousand coordinates, and a template localises and escapes each one slowly."""

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from .tables import BAR_HEIGHT, CHART_WIDTH, bars, chart_height, ranges

LABEL_WIDTH = 190
TEXT = '<text x="{x}" y="{y}" font-size="13" fill="{fill}">{text}</text>'
INK, MUTED, BLUE, RED = "#0b0c0c", "#505a5f", "#1d70b8", "#d4351c"


def _label(text):
    text = str(text)
    return escape(text if len(text) <= 28 else text[:27] + "…")


def _svg(height, parts):
    return format_html(
        '<svg aria-hidden="true" focusable="false" role="presentation" viewBox="0 0 560 {}" width="100%" dir="ltr" '
        'xmlns="http://www.w3.org/2000/svg">{}</svg>',
        height,
        mark_safe("".join(parts)),  # noqa: S308 - every part below is built from escaped text and numbers
    )


def bar_chart(table):
    drawn = bars(table)
    if not drawn:
        return ""
    parts = []
    for bar in drawn:
        text_y = bar.y + 16
        parts.append(TEXT.format(x=0, y=text_y, fill=INK, text=_label(bar.label)))
        display = escape(bar.figure.display)
        if bar.figure.suppressed:
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{bar.y}" width="{CHART_WIDTH}" height="{BAR_HEIGHT}" fill="none" '
                f'stroke="{MUTED}" stroke-dasharray="4 3"></rect>'
            )
            parts.append(TEXT.format(x=LABEL_WIDTH + 6, y=text_y, fill=MUTED, text=display))
        else:
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{bar.y}" width="{bar.width}" height="{BAR_HEIGHT}" fill="{BLUE}"></rect>'
            )
            parts.append(TEXT.format(x=LABEL_WIDTH + bar.width + 6, y=text_y, fill=INK, text=display))
    return _svg(chart_height(table), parts)


def range_chart(table):
    drawn = ranges(table)
    if not drawn:
        return ""
    parts = []
    for row in drawn:
        parts.append(TEXT.format(x=0, y=row.y + 16, fill=INK, text=_label(row.label)))
        if row.shown:
            start, median = LABEL_WIDTH + row.start, LABEL_WIDTH + row.median - 1
            parts.append(f'<rect x="{start}" y="{row.y + 4}" width="{row.width}" height="14" fill="{BLUE}"></rect>')
            parts.append(f'<rect x="{median}" y="{row.y}" width="3" height="{BAR_HEIGHT}" fill="{INK}"></rect>')
        else:
            parts.append(TEXT.format(x=LABEL_WIDTH + 6, y=row.y + 16, fill=MUTED, text="–"))
        if row.rate is not None:
            parts.append(f'<rect x="{LABEL_WIDTH + row.rate}" y="{row.y}" width="2" height="26" fill="{RED}"></rect>')
    return _svg(chart_height(table), parts)
