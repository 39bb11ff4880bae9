"""The standard's page envelope around a list of results."""

import math


def envelope(contents, total, page_number, per_page):
    total_pages = math.ceil(total / per_page) if total else 0
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page_number,
        "size": len(contents),
        "first_page": page_number == 1,
        "last_page": page_number >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def paginate_queryset(queryset, page_number, per_page):
    """(rows on the page, total): two queries, whatever the page."""
    total = queryset.count()
    start = (page_number - 1) * per_page
    rows = list(queryset[start : start + per_page]) if start < total else []
    return rows, total


def paginate_list(items, page_number, per_page):
    start = (page_number - 1) * per_page
    return items[start : start + per_page], len(items)
