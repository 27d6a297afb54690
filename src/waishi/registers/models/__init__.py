"""The shared registers' tables, one module per register."""

from .countries import Country, CountryGroup
from .organisations import Organisation
from .people import Person, of_kind

__all__ = ["Country", "CountryGroup", "Organisation", "Person", "of_kind"]
