"""The shared registers' tables, one module per register."""

from .people import Person

__all__ = ["Person"]
