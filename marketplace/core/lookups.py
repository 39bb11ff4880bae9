"""Lists of ids (`__in`) ignore numbers no integer column can hold, as Django's own `exact`, `gt` and `lt` on an
integer column already do.

Without this, a multiple-choice field given an id such as 9223372036854775808 (one past the largest 64-bit integer)
sends it to the database: SQLite's driver raises OverflowError, a 500. No row can have such an id, so leaving it out
of the list finds the same rows, and the form field then answers with its usual "Select a valid choice" error.
"""

from django.db.models import ForeignObject, IntegerField
from django.db.models.fields.related_lookups import RelatedIn
from django.db.models.lookups import In


def _integer_type(field):
    """The internal type of the integer column behind a field (following foreign keys), or None."""
    while getattr(field, "is_relation", False) and getattr(field, "target_field", None) is not None:
        field = field.target_field
    return field.get_internal_type() if isinstance(field, IntegerField) else None


def _fits(value, low, high):
    if not isinstance(value, int):
        return True  # None, expressions: In's own handling
    return (low is None or value >= low) and (high is None or value <= high)


class DropOutOfRangeMixin:
    def process_rhs(self, compiler, connection):
        internal_type = _integer_type(self.lhs.output_field)
        if internal_type and self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(internal_type)
            self.rhs = [value for value in self.rhs if _fits(value, low, high)]
        return super().process_rhs(compiler, connection)


class IntegerFieldIn(DropOutOfRangeMixin, In):
    pass


class RelatedIntegerIn(DropOutOfRangeMixin, RelatedIn):
    pass


def register():
    IntegerField.register_lookup(IntegerFieldIn)
    ForeignObject.register_lookup(RelatedIntegerIn)
