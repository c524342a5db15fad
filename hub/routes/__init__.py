"""The hub's routes, one module per resource; ``hub.app.create_app`` includes each ``router``."""
