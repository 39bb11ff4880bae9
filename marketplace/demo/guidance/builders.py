"""Small helpers for writing page content as Python data, and for turning it into StreamField data.

Content is written as a list of block descriptions, for example::

    [
        h2("What it means"),
        text("A short paragraph with a [[g:direct-payment|direct payment]] link.", ["A list item", "Another"]),
        warning("Something people must not miss."),
    ]

Inside text, ``[[target|words]]`` makes a link:

* ``g:<slug>``: a glossary term (stored as ``<a linktype="glossary" id="N">``),
* ``p:<slug>``: a demo page (stored as ``<a linktype="page" id="N">``),
* ``https://…``: a web address.

``**words**`` makes bold text. A Python list inside ``text(...)`` becomes a bulleted list.

Block ids are derived from a key (the page slug) and the block's position, so the same data always produces
the same StreamField data. This keeps the loader idempotent and lets a translation written with the same
structure be matched, string by string, with the English page.
"""

import re
import uuid
from html import escape

ID_NAMESPACE = uuid.UUID("5b0f3a55-9d1e-4f53-9a39-2f4d6c1e8a10")
LINK = re.compile(r"\[\[(?P<target>[^|\]]+)\|(?P<words>[^\]]+)\]\]")
BOLD = re.compile(r"\*\*(?P<words>.+?)\*\*")

# Made-up contact details: 0808 157 0xxx is a range Ofcom keeps for drama and examples; example.org is reserved.
DEMO_PHONE = "0808 157 0123"
DEMO_TEXTPHONE = "18001 0808 157 0123"
DEMO_EMAIL = "sds-team@example.org"
DEMO_OUT_OF_HOURS_PHONE = "0808 157 0999"


class Resolver:
    """Turns glossary and page slugs into database ids. A page not yet created is left as plain words."""

    def __init__(self, glossary=None, pages=None):
        self.glossary = glossary or {}
        self.pages = pages or {}
        self.unresolved = set()

    def glossary_id(self, slug):
        if slug not in self.glossary:
            raise KeyError(f"Unknown glossary term in demo content: {slug!r}")
        return self.glossary[slug]

    def page_id(self, slug):
        page_id = self.pages.get(slug)
        if page_id is None:
            self.unresolved.add(slug)
        return page_id


# --- Block descriptions -------------------------------------------------------------------------------------


def h2(words):
    return {"type": "heading", "text": words, "level": "2"}


def h3(words):
    return {"type": "heading", "text": words, "level": "3"}


def text(*parts):
    return {"type": "text", "parts": parts}


def inset(*parts):
    return {"type": "inset_text", "parts": parts}


def warning(words):
    return {"type": "warning_text", "text": words}


def steps(*items):
    """Each item is (title, part, part, …)."""
    return {"type": "step_by_step", "items": [(item[0], item[1:]) for item in items]}


def accordion(*sections):
    """Each section is (heading, part, part, …)."""
    return {"type": "accordion", "items": [(section[0], section[1:]) for section in sections]}


def help_contact(heading, *parts, hours):
    """A help box. The phone, textphone and email are the demo council's (see DEMO_* above)."""
    return {
        "type": "help_contact",
        "heading": heading,
        "parts": parts,
        "phone": DEMO_PHONE,
        "textphone": DEMO_TEXTPHONE,
        "email": DEMO_EMAIL,
        "hours": hours,
    }


def easy_read(*items):
    """Each item is (picture key, alternative text, sentence). Picture keys are drawn in pictures.py."""
    return {"type": "easy_read", "items": list(items)}


# --- Rendering ----------------------------------------------------------------------------------------------


def inline(words, resolver):
    """One paragraph or list item of demo markup as database rich text (without the wrapping tag)."""
    html = []
    position = 0
    for match in LINK.finditer(words):
        html.append(_bold(escape(words[position : match.start()], quote=False)))
        target, link_words = match["target"].strip(), _bold(escape(match["words"], quote=False))
        if target.startswith("g:"):
            html.append(f'<a linktype="glossary" id="{resolver.glossary_id(target[2:])}">{link_words}</a>')
        elif target.startswith("p:"):
            page_id = resolver.page_id(target[2:])
            html.append(f'<a linktype="page" id="{page_id}">{link_words}</a>' if page_id else link_words)
        elif target.startswith("https://"):
            html.append(f'<a href="{escape(target)}">{link_words}</a>')
        else:
            raise ValueError(f"Unknown link target in demo content: {target!r}")
        position = match.end()
    html.append(_bold(escape(words[position:], quote=False)))
    return "".join(html)


def _bold(html):
    return BOLD.sub(lambda match: f"<b>{match['words']}</b>", html)


def rich_text(parts, resolver):
    """Paragraphs (strings) and bulleted lists (lists of strings) as database rich text."""
    html = []
    for part in parts:
        if isinstance(part, (list, tuple)):
            html.append("<ul>" + "".join(f"<li>{inline(item, resolver)}</li>" for item in part) + "</ul>")
        else:
            html.append(f"<p>{inline(part, resolver)}</p>")
    return "".join(html)


def block_id(*key):
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(str(part) for part in key)))


def stream_data(key, blocks, resolver, images=None):
    """Raw StreamField data (a list of {"type", "value", "id"}) for a list of block descriptions."""
    data = []
    for index, block in enumerate(blocks):
        kind = block["type"]
        if kind == "heading":
            value = {"text": block["text"], "level": block["level"]}
        elif kind in ("text", "inset_text"):
            value = rich_text(block["parts"], resolver)
        elif kind == "warning_text":
            value = block["text"]
        elif kind in ("step_by_step", "accordion"):
            child, title, body, list_name = (
                ("title", "title", "content", "steps")
                if kind == "step_by_step"
                else ("heading", "heading", "content", "sections")
            )
            value = {
                list_name: [
                    {
                        "type": "item",
                        "value": {title: item_title, body: rich_text(parts, resolver)},
                        "id": block_id(key, index, position),
                    }
                    for position, (item_title, parts) in enumerate(block["items"])
                ]
            }
        elif kind == "help_contact":
            value = {
                "heading": block["heading"],
                "text": rich_text(block["parts"], resolver),
                "phone": block["phone"],
                "textphone": block["textphone"],
                "email": block["email"],
                "opening_hours": block["hours"],
            }
        elif kind == "easy_read":
            images = images or {}
            value = {
                "items": [
                    {
                        "type": "item",
                        "value": {"image": images.get(picture), "alt_text": alt_text, "sentence": sentence},
                        "id": block_id(key, index, position),
                    }
                    for position, (picture, alt_text, sentence) in enumerate(block["items"])
                ]
            }
        else:
            raise ValueError(f"Unknown block type in demo content: {kind!r}")
        data.append({"type": kind, "value": value, "id": block_id(key, index)})
    return data


def signpost_data(key, signposts, pages):
    """Raw data for HomePage.signposts. Each signpost is {"title", "summary", "page" (slug) or "url"}."""
    return [
        {
            "type": "signpost",
            "value": {
                "title": signpost["title"],
                "summary": signpost["summary"],
                "page": pages.get(signpost["page"]) if signpost.get("page") else None,
                "url": signpost.get("url", ""),
            },
            "id": block_id(key, "signpost", index),
        }
        for index, signpost in enumerate(signposts)
    ]


def structure(blocks):
    """The shape of a page body (block types, heading levels, list lengths), for checking translations."""
    shape = []
    for block in blocks:
        if block["type"] == "heading":
            shape.append(("heading", block["level"]))
        elif block["type"] in ("step_by_step", "accordion", "easy_read"):
            shape.append((block["type"], len(block["items"])))
        else:
            shape.append((block["type"],))
    return shape
