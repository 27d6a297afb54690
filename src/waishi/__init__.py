"""Waishi: the work platform of a city's Foreign Affairs and Overseas Chinese Affairs Bureau."""

__version__ = "0.1.0"
