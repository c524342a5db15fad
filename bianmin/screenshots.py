"""``make screenshots`` (``python -m bianmin.screenshots [DIR]``, or ``--audit OUT.json``): the
scenes of ``ui.screenshots`` on a throw-away demo station made by :class:`bianmin.demo.Maker`.
Not part of the desktop build."""

from __future__ import annotations

import sys

from bianmin.demo import Maker
from ui.screenshots import main

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:], Maker()))
