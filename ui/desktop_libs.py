"""The system libraries Qt's X11 platform plugin (xcb) needs on Linux, and the package of each.

The PySide6 wheels carry Qt, not the X11 client libraries. When one is missing Qt stops with
"Could not load the Qt platform plugin "xcb" even though it was found" and names none of them.
:func:`check` looks for them before Qt loads its platform (plain ``dlopen`` through ctypes, no Qt)
and raises :class:`~app.errors.DesktopLibrariesMissing` with the packages to install. The table is
the direct dependencies of ``PySide6/Qt/plugins/platforms/libqxcb.so``, ``libQt6XcbQpa``, the Qt
libraries the window loads and the CUPS print plugin, outside what the wheel carries and glibc
(``tests/test_ui_first_run.py`` checks it against ``objdump`` of the installed wheel). The README
lists the same packages. The built program (``make dist``) carries these libraries itself and is
not checked.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from collections.abc import Mapping

from app.errors import DesktopLibrariesMissing

log = logging.getLogger(__name__)

# soname -> Debian 12 / Ubuntu 22.04+ / UOS package (apt resolves the t64 names of Ubuntu 24.04).
LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libcups.so.2": "libcups2",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "libbrotlidec.so.1": "libbrotli1",
    "libbrotlicommon.so.1": "libbrotli1",
}


def missing(libraries: Mapping[str, str] = LIBRARIES) -> list[str]:
    """The packages (sorted, once each) whose library the dynamic loader cannot find."""
    packages: set[str] = set()
    for soname, package in libraries.items():
        try:
            ctypes.CDLL(soname)
        except OSError:
            packages.add(package)
    return sorted(packages)


def uses_xcb(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether Qt will load its xcb platform: Linux, from the source tree (not the built program),
    with no other platform asked for (offscreen in the tests) and no Wayland session to fall back
    from (there Qt tries Wayland first and xcb only after)."""
    if not sys.platform.startswith("linux") or getattr(sys, "frozen", False):
        return False
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def check(environ: Mapping[str, str] = os.environ, libraries: Mapping[str, str] = LIBRARIES) -> None:
    """Raise DesktopLibrariesMissing (naming the packages) when Qt's xcb platform could not load."""
    if not uses_xcb(environ):
        return
    packages = missing(libraries)
    if packages:
        log.error("system libraries of Qt's xcb platform are missing: %s", " ".join(packages))
        raise DesktopLibrariesMissing(packages=" ".join(packages))
