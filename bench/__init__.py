"""Waishi's benchmark harness: generate a large database, load it, report the figures."""
