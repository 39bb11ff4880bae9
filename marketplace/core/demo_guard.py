"""Demo data is for developers' machines only: its accounts share a public password.

Every way in (the `load_demo_data` and `demo_mfa_code` commands, and each demo loader's `run`) asks `refuse_demo_data`
first. Only the development and test settings set DEMO_DATA_ALLOWED; production and any settings a council writes
inherit False, and no flag or environment variable turns it on.
"""

from django.conf import settings
from django.core.management.base import CommandError


class DemoDataRefused(CommandError):
    pass


def refuse_demo_data():
    if not getattr(settings, "DEMO_DATA_ALLOWED", False):
        raise DemoDataRefused(
            f"Refusing to use demo data with these settings ({settings.SETTINGS_MODULE}): the demo accounts have a "
            "public password. Demo data is only for the development settings (marketplace.settings.dev)."
        )
