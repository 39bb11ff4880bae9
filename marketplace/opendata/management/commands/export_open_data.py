"""Export the published directory as an Open Referral UK data package. Run it daily from cron."""

from django.conf import settings
from django.core.management.base import BaseCommand

from ... import export


class Command(BaseCommand):
    help = (
        "Write the published directory as an Open Referral UK 3.0 data package (CSV files and datapackage.json, "
        "under the Open Government Licence) to OPEN_DATA_DIR, and the zip that /open-data/oruk/data-package.zip serves."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help=f"folder to write to (default: {settings.OPEN_DATA_DIR})")

    def handle(self, *args, output=None, **options):
        path = export.write_package(output)
        self.stdout.write(f"Wrote {path} ({path.stat().st_size:,} bytes)")
