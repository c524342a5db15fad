"""Which program this is: version, build date and commit (About box, ``bianmin --version``).

A build made with ``build.spec`` carries ``resources/build.json``, written when it was built; a
program run from the source tree has none and says it is a development build.
"""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from app import __version__
from app.config import resources_dir

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildInfo:
    version: str
    built_at: str | None  # ISO 8601 with the builder's offset; None when run from source
    commit: str
    frozen: bool  # running from a PyInstaller build

    def line(self) -> str:
        """One line for ``--version`` and logs (codes and dates only, no sentences)."""
        where = f"built {self.built_at}" if self.built_at else "source"
        commit = f" ({self.commit})" if self.commit else ""
        return f"bianmin {self.version}, {where}{commit}"


def build_info(stamp: Path | None = None) -> BuildInfo:
    path = stamp or resources_dir() / "build.json"
    frozen = bool(getattr(sys, "frozen", False))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return BuildInfo(__version__, None, "", frozen)
    except (OSError, ValueError) as exc:
        log.warning("build stamp %s unreadable: %s", path, exc)
        return BuildInfo(__version__, None, "", frozen)
    return BuildInfo(str(data.get("version") or __version__), str(data.get("built_at") or "") or None,
                     str(data.get("commit") or ""), frozen)
