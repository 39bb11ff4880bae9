"""Querysets built and compiled to SQL once per process, then run again with other values in the same placeholders.

Django builds and compiles a queryset each time it runs. For a query run on every request with a dozen conditions
(the search page's "who serves this place") that costs more CPU than the database spends answering it. A
`PreparedQuery` builds its queryset from example values the first time it runs on a database, finds which
placeholders each named value fills (by building it again with only that value changed), and from then on swaps the
values in: the queryset stays the one definition of the query.

Each named value must reach the SQL as it is given (a bound computed from it in Python would not be found): pass the
bounds themselves as values. Preparing checks that every value fills a placeholder and that the examples, put back
by the same rules, give exactly the parameters Django gave; anything else is a programming error and raises. Values
must not be None (Django would write `IS NULL`), nor change the query's shape (a boolean can). Anything else the
queryset depends on (the active language, a setting) is fixed at its first run in the process: keep such queries out.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import ImproperlyConfigured
from django.db import connections


@dataclass(frozen=True)
class _Prepared:
    sql: str
    params: tuple
    positions: dict  # value name -> indexes of the placeholders it fills
    columns: tuple  # the selected expressions, whose converters Django's compiler would apply


class PreparedQuery:
    def __init__(self, build, **examples):
        """`build(**values)` returns the queryset (usually a `values_list`); `examples` give one value for each name."""
        self._build = build
        self._examples = examples
        self._prepared = {}  # database alias -> _Prepared

    def rows(self, using="default", **values):
        """The query's rows for these values, with Django's usual conversions (dates from SQLite's text, …)."""
        if values.keys() != self._examples.keys() or None in values.values():
            raise TypeError(f"{sorted(self._examples)} are needed, none of them None; given {values}")
        prepared = self._prepared.get(using) or self._prepare(using)
        connection = connections[using]
        params = list(prepared.params)
        for name, positions in prepared.positions.items():
            adapted = _adapted(values[name], connection)
            for position in positions:
                params[position] = adapted
        with connection.cursor() as cursor:
            cursor.execute(prepared.sql, params)
            rows = cursor.fetchall()
        converters = _converters(prepared.columns, connection)
        if not converters:
            return rows
        return [_converted(row, converters, connection) for row in rows]

    def _prepare(self, using):
        compiler = self._build(**self._examples).query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        connection = connections[using]
        positions = {}
        for name, example in self._examples.items():
            changed_sql, changed_params = self._compiled(using, **{**self._examples, name: _another(example)})
            if changed_sql != sql or len(changed_params) != len(params):
                raise ImproperlyConfigured(f"{name} changes the shape of the query, not only its values")
            positions[name] = [i for i, (a, b) in enumerate(zip(params, changed_params, strict=True)) if a != b]
            adapted = _adapted(example, connection)
            if not positions[name] or any(params[i] != adapted for i in positions[name]):
                raise ImproperlyConfigured(f"{name} does not reach the query's parameters as it is given")
        columns = tuple(selected[0] for selected in compiler.select[: compiler.col_count])
        prepared = _Prepared(sql, tuple(params), positions, columns)
        self._prepared[using] = prepared
        return prepared

    def _compiled(self, using, **values):
        return self._build(**values).query.get_compiler(using=using).as_sql()


def _adapted(value, connection):
    """A value as Django passes it to the database driver."""
    if isinstance(value, datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, date):
        return connection.ops.adapt_datefield_value(value)
    return value


def _another(value):
    """A value of the same type that differs from `value`, to see which placeholders it fills."""
    if isinstance(value, (date, datetime)):
        return value + timedelta(days=1)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value + 1
    if isinstance(value, str):
        return value + "~"
    raise ImproperlyConfigured(f"no other value to try for {value!r}")


def _converters(columns, connection):
    """{column index: (functions, expression)} as Django's compiler works them out, for this thread's connection."""
    converters = {}
    for index, expression in enumerate(columns):
        functions = connection.ops.get_db_converters(expression) + expression.get_db_converters(connection)
        if functions:
            converters[index] = (functions, expression)
    return converters


def _converted(row, converters, connection):
    row = list(row)
    for index, (functions, expression) in converters.items():
        for function in functions:
            row[index] = function(row[index], expression, connection)
    return tuple(row)
