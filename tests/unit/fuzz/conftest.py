"""The fuzzing site is built once per module (inside a transaction rolled back at the end); each case runs in a
savepoint of its own. The run's case and server-error counts are printed in the terminal summary."""

import pytest
from django.db import transaction

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


def pytest_terminal_summary(terminalreporter):
    for line in report.summary_lines(verbose=terminalreporter.config.getoption("verbose") > 0):
        terminalreporter.write_line(line)
