"""The shared registers' tables, one module per register."""

from .countries import Country, CountryGroup
from .organisations import Organisation

__all__ = ["Country", "CountryGroup", "Organisation"]
