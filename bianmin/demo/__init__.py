"""The demo: demo cases made through the real services (:mod:`bianmin.demo.cases`, for ``bianmin
demo``, the self-test, tests and benchmarks) and the demo station of ``bianmin --demo`` with its
reference hub on loopback (:mod:`bianmin.demo.station`)."""

from bianmin.demo.station import (
    CASE_BATCH,
    DEMO_CASES,
    HUB_PORT,
    LOGIN,
    PASSWORD,
    STATION_CODE,
    STATION_NAME,
    STEPS,
    Demo,
    Maker,
    Preparation,
    Progress,
    is_demo,
    login_info,
    prepare,
)

__all__ = ["CASE_BATCH", "DEMO_CASES", "HUB_PORT", "LOGIN", "PASSWORD", "STATION_CODE", "STATION_NAME", "STEPS",
           "Demo", "Maker", "Preparation", "Progress", "is_demo", "login_info", "prepare"]
