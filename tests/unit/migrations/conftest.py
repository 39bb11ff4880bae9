"""Migration tests move the test database back to an old schema and forward again. Whatever a test does, every app
is migrated to its latest migration afterwards: the tests after it need every table."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    """Migrate to `targets` ([(app, migration)]); the historical models there."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest(*apps):
    """The newest migration of each of `apps` (of every app when none is named)."""
    nodes = MigrationExecutor(connection).loader.graph.leaf_nodes()
    return [node for node in nodes if not apps or node[0] in apps]


@pytest.fixture(autouse=True)
def _every_app_migrated_afterwards(transactional_db):
    yield
    migrate(latest())
