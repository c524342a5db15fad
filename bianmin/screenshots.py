"""``make screenshots`` (``python -m bianmin.screenshots [DIR]``, or ``--audit OUT.json``): the
scenes of ``ui.screenshots`` on a throw-away demo station made by :class:`bianmin.demo.Maker`,
as a window of a centre: a second window's cases of today are among its own (the case list's and
the dashboard's device names show), two of them rated 差评 (the dashboard's 差评待整改回访). Not
part of the desktop build."""

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
        others = add_other_window(paths, kdf=kdf or self.kdf)
        add_bad_ratings(paths, others[:2], kdf=kdf or self.kdf)
        return made


def add_bad_ratings(paths: Paths, case_nos: list[str], *, kdf: KdfParams | None = None) -> None:
    """差评 on the dashboard's list 差评待整改回访: the first case rated 非常不满意, the next 不满意 and
    rectified (waiting for its revisit)."""
    from app.services import cases
    from app.station import Station
    from bianmin.demo.station import LOGIN, PASSWORD

    station = Station.open(paths, LOGIN, PASSWORD, kdf=kdf or KdfParams(), check="none")
    try:
        for n, case_no in enumerate(case_nos):
            cases.evaluate(station, case_no, "very_dissatisfied" if n == 0 else "dissatisfied",
                           reasons=["slow", "other:等候时间太长，窗口人员解释不清楚"])
            if n:
                cases.rectify(station, case_no, "已对窗口人员进行业务培训，增设叫号提醒，缩短等候时间")
    finally:
        station.close()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:], CentreMaker()))
