"""Back up the database, public uploads and verification evidence into one new folder (marketplace/core/backups.py).

DJANGO_SETTINGS_MODULE=marketplace.settings.production manage.py backup_site --to /srv/backups --keep 14
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from marketplace.core import backups


class Command(BaseCommand):
    help = "Back up the database, MEDIA_ROOT and PRIVATE_MEDIA_ROOT into a new folder; print its path."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--to", default=str(settings.BACKUP_DIR), help="Folder to write the backup into.")
        parser.add_argument("--keep", type=int, help="Then delete all but this many newest backups in that folder.")

    def handle(self, *args, to, keep, **options):
        if keep is not None and keep < 1:
            raise CommandError("--keep must be at least 1: it counts the backup just made.")
        try:
            folder = backups.create(to)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(folder))
        if keep:
            for old in backups.prune(to, keep):
                self.stderr.write(f"Deleted the older backup {old}")
