"""A loud warning when a server, the task worker or a scheduled job starts with the development settings.

`manage.py` defaults to the development settings, so a cron line or a service that forgets
DJANGO_SETTINGS_MODULE=marketplace.settings.production would otherwise run with debug on, a public secret key and
emails printed instead of sent, without a word.
"""

import os
import sys
from pathlib import Path

ACKNOWLEDGE = "ACCEPT_DEV_SETTINGS"

# Commands a developer runs by hand while building the site; every other command (the worker, the scheduled jobs,
# index rebuilds, backups and restores, and any added later) is treated as operational and warned about.
DEVELOPMENT_COMMANDS = frozenset(
    {
        "build_geography",
        "changepassword",
        "check",
        "collectstatic",
        "compilemessages",
        "createcachetable",
        "createsuperuser",
        "dbshell",
        "demo_mfa_code",
        "diffsettings",
        "findstatic",
        "help",
        "load_demo_data",
        "makemessages",
        "makemigrations",
        "migrate",
        "runserver",
        "shell",
        "showmigrations",
        "sqlmigrate",
        "squashmigrations",
        "startapp",
        "test",
        "version",
    }
)
SERVERS = frozenset({"gunicorn", "uwsgi", "uvicorn", "daphne", "hypercorn", "waitress-serve", "granian"})


def operational_process(argv):
    """What is starting ("db_worker", "gunicorn"), when it is a process that serves or operates the site."""
    if not argv:
        return None
    program = Path(argv[0]).name
    if program in SERVERS:
        return program
    if program in ("manage.py", "django-admin", "__main__.py") and len(argv) > 1:
        command = argv[1]
        if not command.startswith("-") and command not in DEVELOPMENT_COMMANDS:
            return command
    return None


def banner(process):
    rule = "!" * 100
    return "\n".join(
        [
            rule,
            f"!!  WARNING: {process} is starting with the DEVELOPMENT settings (marketplace.settings.dev):",
            "!!  debug pages on, a public secret key, emails printed instead of sent, no HTTPS.",
            "!!  In production set DJANGO_SETTINGS_MODULE=marketplace.settings.production for every process.",
            f"!!  On a development machine, set {ACKNOWLEDGE}=1 to silence this warning.",
            rule,
            "",
        ]
    )


def warn_if_operational(argv=None, stream=None):
    if os.environ.get(ACKNOWLEDGE) == "1":
        return
    process = operational_process(sys.argv if argv is None else argv)
    if process:
        (stream or sys.stderr).write(banner(process))
