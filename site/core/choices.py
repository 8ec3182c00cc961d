"""Choice fields over database rows that treat an out-of-range id as a wrong choice.

Django looks a posted id up in the database as it is; one past the 64-bit range makes
SQLite overflow and PostgreSQL raise, so a mistyped or hostile form was a server error.
"""

from django import forms
from django.core.exceptions import ValidationError

_LIMIT = 2**63


def row_id(value):
    """A posted id as a number the database can look up, or None."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if -_LIMIT < number < _LIMIT else None


def _refuse_out_of_range(field, value):
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return  # not an id at all: Django's own check words the error
    if not -_LIMIT < number < _LIMIT:
        raise ValidationError(
            field.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
        )


class ModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and self.to_field_name is None:
            _refuse_out_of_range(self, value)
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        if self.to_field_name is None:
            for item in value:
                _refuse_out_of_range(self, item)
        return super()._check_values(value)
