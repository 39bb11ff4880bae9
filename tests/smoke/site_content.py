"""Fills the smoke test's scratch database with the test suite's small guidance site (home, guidance, glossary).

DJANGO_SETTINGS_MODULE=marketplace.settings.test DATABASE_URL=sqlite:///… python -m tests.smoke.site_content
"""

import django

django.setup()

from tests.site_tree import build_site  # noqa: E402

if __name__ == "__main__":
    build_site(languages=("en",))
