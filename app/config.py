"""Where a station keeps its files, and the tunables passed to the core.

No mutable module-level configuration: a :class:`Paths` and a :class:`KdfParams` are built once
by the entry point (command line, window, tests) and passed in.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "bianmin"
HOME_ENV = "BIANMIN_HOME"
PASSWORD_ENV = "BIANMIN_PASSWORD"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost; stored beside every wrapped key so that it can change later."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2

    def as_dict(self) -> dict[str, int]:
        return {"t": self.time_cost, "m": self.memory_kib, "p": self.parallelism}

    @classmethod
    def from_dict(cls, data: dict[str, int]) -> KdfParams:
        return cls(time_cost=int(data["t"]), memory_kib=int(data["m"]), parallelism=int(data["p"]))


@dataclass(frozen=True)
class Paths:
    """The data directory of one station and the files in it."""

    home: Path

    @classmethod
    def default(cls, environ: dict[str, str] | None = None) -> Paths:
        env = os.environ if environ is None else environ
        override = env.get(HOME_ENV)
        if override:
            return cls(Path(override).expanduser())
        return cls(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))

    @property
    def database(self) -> Path:
        return self.home / "station.db"

    @property
    def keyfile(self) -> Path:
        return self.home / "keys.json"

    @property
    def sequence_mark(self) -> Path:
        """High-water mark of case-number sequences (numbers only, no personal data)."""
        return self.home / "sequence.json"

    @property
    def backups(self) -> Path:
        return self.home / "backups"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    def ensure(self) -> None:
        for d in (self.home, self.backups, self.logs):
            d.mkdir(parents=True, exist_ok=True)
            os.chmod(d, 0o700)


def resources_dir() -> Path:
    """The bundled resources (sample catalogue, calendars, fonts, translations)."""
    return Path(__file__).resolve().parent.parent / "resources"
