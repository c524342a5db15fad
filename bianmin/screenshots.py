"""``make screenshots`` (``python -m bianmin.screenshots [DIR]``, or ``--audit OUT.json``): the
scenes of ``ui.screenshots`` on a throw-away demo station made by :class:`bianmin.demo.Maker`,
as a window of a centre: a second window's cases of today are among its own (the case list's and
the dashboard's device names show). Not part of the desktop build."""

from __future__ import annotations

import sys

from app.config import KdfParams, Paths
from bianmin.demo import Maker
from bianmin.demo.station import Demo, add_other_window
from ui.screenshots import main


class CentreMaker(Maker):
    """The demo station, with a second window's cases taken in (``add_other_window``)."""

    def prepare(self, paths: Paths, *, kdf: KdfParams | None = None, cases: int | None = None) -> Demo:
        made = super().prepare(paths, kdf=kdf, cases=cases)
        add_other_window(paths, kdf=kdf or self.kdf)
        return made


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:], CentreMaker()))
