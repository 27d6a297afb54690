"""The shared registers' tables, one module per register."""
