"""Interpreter bookings: a case type that exists only in the test suite, built with the toolkit.

``docs/adding-an-area.md`` walks through it; installed by ``waishi.settings.test`` only.
"""
