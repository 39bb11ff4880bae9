"""The terms the directory is published under: the Open Government Licence v3.0, with the attribution of the council
that publishes it and of the geographic data (Ordnance Survey, Royal Mail, ONS) that its locations derive from."""

from django.conf import settings

from marketplace.geography import ATTRIBUTION, OGL_URL

NAME = "Open Government Licence v3.0"
IDENTIFIER = "OGL-UK-3.0"


def attribution():
    return f"Contains public sector information licensed under the {NAME} ({settings.COUNCIL_NAME}). {ATTRIBUTION}"


def statement():
    return {"name": NAME, "identifier": IDENTIFIER, "url": OGL_URL, "attribution": attribution()}


def link_header():
    """RFC 8288 `Link` with the RFC 6903 `license` relation, so every response (even a bare list) names its terms."""
    return f'<{OGL_URL}>; rel="license"'
