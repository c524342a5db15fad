"""What the benchmark scripts share: their messages, their marks and the JSON line they end with.

Imported as ``bench.common`` once the script has put the repository on ``sys.path``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def err(message: str) -> None:
    """Progress and trouble, on standard error (standard output holds the figures)."""
    print(message, file=sys.stderr, flush=True)


def mark(ok: bool) -> str:
    return "ok" if ok else "MISSES TARGET"


def kb(n: float) -> str:
    return f"{n / 1000:.1f} KB"


def emit(figures: dict[str, Any], json_out: Path | None) -> None:
    """The figures as one JSON line after the text, and into ``json_out`` when given."""
    line = json.dumps(figures, ensure_ascii=False, sort_keys=True)
    print("\n" + line)
    if json_out:
        json_out.write_text(line + "\n", "utf-8")
