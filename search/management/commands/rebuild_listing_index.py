"""Rebuild the listing search index from the database, then switch searches over to it in one step."""

import time

from django.core.management.base import BaseCommand, CommandError

from search import index
from search.clients import EngineError

BAR_WIDTH = 40


class Command(BaseCommand):
    help = "Index every published listing into a new index and point the listing search alias at it."

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            count = index.rebuild(progress=self.show_progress)
        except index.IndexingFailed as error:
            self.stderr.write("")
            raise CommandError(
                f"The search engine refused {error.count} listing(s) (logged above); "
                f"searches still use the previous index behind {index.alias_name()}."
            ) from error
        except EngineError as error:
            self.stderr.write("")
            raise CommandError(f"The search engine failed: {error}") from error
        self.stderr.write("")
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} listings into {index.alias_name()} in {elapsed:.1f} s."))

    def show_progress(self, done, total):
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        self.stderr.write(f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total}", ending="")
        self.stderr.flush()
