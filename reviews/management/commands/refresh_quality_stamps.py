"""Record quality stamps awarded or lapsed since the last run and re-index those listings. Run daily (cron)."""

from django.core.management.base import BaseCommand

from reviews.awards import refresh_all


class Command(BaseCommand):
    help = "Record quality stamps that were awarded or have lapsed, and re-index the listings concerned."

    def handle(self, *args, **options):
        listings, awarded = refresh_all()
        self.stdout.write(f"Checked {listings} listings; {awarded} stamps newly awarded.")
