"""Bianmin Counter domain core: models, services, encrypted store, journal, calendar, search.

Imports neither Qt nor an HTTP library.
"""

__version__ = "0.1.0"
