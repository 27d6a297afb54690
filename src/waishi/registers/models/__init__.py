"""The shared registers' tables, one module per register."""

from .people import Person, of_kind

__all__ = ["Person", "of_kind"]
