"""A real hub process on loopback for tests: see :mod:`hub.local`."""

from hub.local import Hub, free_port, start_hub

__all__ = ["Hub", "free_port", "start_hub"]
