"""Replace the database, public uploads and verification evidence with a backup made by `backup_site`.

    DJANGO_SETTINGS_MODULE=marketplace.settings.production manage.py restore_site /srv/backups/sds-backup-…

Stop the web server and the task worker first. For PostgreSQL the database must exist (it may be empty).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from marketplace.core import backups


class Command(BaseCommand):
    help = "Restore the database, MEDIA_ROOT and PRIVATE_MEDIA_ROOT from a backup folder (replaces what is there)."
    requires_system_checks = []  # must work on an empty or damaged database

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A folder written by backup_site (sds-backup-…).")
        parser.add_argument(
            "--no-input", "--noinput", action="store_false", dest="interactive", help="Do not ask for confirmation."
        )

    def handle(self, *args, folder, interactive, **options):
        try:
            manifest = backups.verify(Path(folder))
            if interactive and not self._confirmed(manifest):
                raise CommandError("Restore cancelled: nothing was changed.")
            backups.restore(folder)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored the backup of {manifest['created']} from {folder}."))

    def _confirmed(self, manifest):
        answer = input(
            f"This replaces the database and all uploaded files with the backup of {manifest['created']}.\n"
            "Stop the web server and the worker first. Type 'yes' to continue: "
        )
        return answer.strip().lower() == "yes"
