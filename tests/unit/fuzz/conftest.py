"""The fuzzing site is built once per module (inside a transaction rolled back at the end); each case runs in a
savepoint of its own. The run's case and server-error counts are printed in the terminal summary."""

import pytest
from django.db import transaction

from tests.stripe_servers import TEST_SECRET_KEY

from . import engine, report
from .world import build_world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        block = transaction.atomic()
        block.__enter__()
        try:
            world = build_world()
            engine.sign_in_once(world)
            yield world
        finally:
            transaction.set_rollback(True)
            block.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _payments_on_stripe_mock(request, settings):
    """Payments pages are fuzzed with Stripe set up, against stripe-mock, so hostile input reaches the Stripe calls."""
    callspec = getattr(request.node, "callspec", None)
    target = callspec.params.get("target") if callspec else None
    if target is not None and target.name.startswith("payments:"):
        settings.STRIPE_SECRET_KEY = TEST_SECRET_KEY
        settings.STRIPE_API_BASE = request.getfixturevalue("stripe_mock_url")


def pytest_terminal_summary(terminalreporter):
    for line in report.summary_lines(verbose=terminalreporter.config.getoption("verbose") > 0):
        terminalreporter.write_line(line)
