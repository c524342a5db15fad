"""Use cases: plain functions and small classes that take an open station."""
