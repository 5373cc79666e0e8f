"""Query lookups the whole project relies on."""

from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerFieldIn(In):
    """`in` ignores keys beyond the column's range, as `exact` has done since Django 5.0.

    A multiple choice posted with a key like 99999999999999999999 would otherwise make SQLite
    raise OverflowError (PostgreSQL: "out of range") inside form validation: a 500 instead of
    "not a valid value".
    """

    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(
                self.lhs.output_field.get_internal_type()
            )
            self.rhs = [value for value in self.rhs if not _outside(value, low, high)]
        return super().process_rhs(compiler, connection)


def _outside(value, low: int | None, high: int | None) -> bool:
    if not isinstance(value, int):
        return False
    return (low is not None and value < low) or (high is not None and value > high)
