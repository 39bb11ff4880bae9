"""The query planner's statistics, refreshed after a bulk load.

SQLite keeps none until `ANALYZE` runs: without them it guesses, and at 100,000 listings it read the whole
published-listings index for "which of these 20 hits are still public" (13 ms) instead of 20 primary-key lookups.
PostgreSQL's autovacuum analyses in time on a live site; straight after a bulk load it has not yet.
"""

from django.db import connections


def refresh_planner_statistics(using="default"):
    with connections[using].cursor() as cursor:
        cursor.execute("ANALYZE")
