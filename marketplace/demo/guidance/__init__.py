"""Demo content for the SDS hub: guidance pages, taxonomies, a glossary, translations and one user per role.

Everything here is plain Python data; `loader.py` turns it into pages and snippets, and the
`load_demo_data` management command runs the loader. The words are the project's own.
"""
