"""Rich text that providers write: a small, safe subset of HTML, cleaned with nh3 before it is stored."""

import nh3

ALLOWED_TAGS = frozenset({"p", "br", "strong", "em", "ul", "ol", "li", "a"})
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
LINK_REL = "nofollow noopener"


def sanitise_rich_text(html):
    """Keep paragraphs, line breaks, bold, italics, lists and links; drop everything else (scripts with their content).

    Links keep only their href (http, https, mailto or tel) and always get rel="nofollow noopener".
    """
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    ).strip()
