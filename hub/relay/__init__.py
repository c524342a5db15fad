"""The centre's relay: an exchange point on the centre's own network, built from the hub's code.

One PC of a township centre runs ``bianmin-hub relay``. The centre's windows push their own events
to it (as they push them to the regional hub: signed, the same verdict) and take the other
devices' events from it (``GET /v1/peers``), so that a case taken in at one window can be continued
at another while the regional link is down. The relay forwards nothing upstream: each window still
pushes its own events to the regional hub itself, so nothing reaches the region twice and nothing
is lost when the relay PC is switched off. From upstream the relay mirrors only what no window
pushes to it (the chains of the station's laptops, whose bundles reach the region through a
window) and the station's device list with the devices' public keys, which it checks the windows'
signatures against (a revoked device is refused).

``state``: the relay's directory (its configuration, device key and database key);
``store``: its database (the hub's schema in an SQLCipher file) and the cached device list;
``mirror``: what it takes from upstream; ``app``: the HTTP service in relay mode.
"""

from __future__ import annotations
