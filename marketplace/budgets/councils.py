"""Councils that hold adult social care (GSS codes), from the offline geography; names for people to read."""

from django.utils.translation import get_language

from marketplace.geography import GeographyDataMissing, authority, care_authorities


def _name(found):
    if found.welsh_name and (get_language() or "").startswith("cy"):
        return found.welsh_name
    return found.name


def choices():
    try:
        return [(found.code, _name(found)) for found in care_authorities()]
    except GeographyDataMissing:
        return []


def name(code):
    if not code:
        return ""
    try:
        found = authority(code)
    except GeographyDataMissing:
        found = None
    return _name(found) if found else code
