"""Translations of the demo content, one module per language code (ur.py, gd.py, pl.py).

Each module has the same names: TOPICS, AUDIENCES and GLOSSARY map an English slug to translated fields; HOME,
GUIDANCE_INDEX and GLOSSARY_PAGE hold the translated page fields; GUIDANCE maps a guidance page slug to its
translated title, summary and body; COUNCIL_PAGES does the same for the council's footer pages (council_pages.py).
A body must have exactly the English page's structure (same blocks, same heading levels, same number of paragraphs,
list items and links), because it is matched string by string with the English page and imported into
wagtail-localize. Contact details (phone, textphone, email) are filled in by
``help_contact`` itself.
"""
