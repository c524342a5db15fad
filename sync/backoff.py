"""Waiting while the link is down: exponential backoff with jitter (half to all of the step), capped."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    base: float = 5.0  # seconds after the first failure (on average half of it, with jitter)
    cap: float = 15 * 60.0
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, failures: int) -> float:
        """Seconds to wait after ``failures`` failures in a row (0: no wait)."""
        if failures <= 0:
            return 0.0
        ceiling = min(self.cap, self.base * (2 ** min(failures - 1, 30)))
        return self.rng.uniform(ceiling / 2, ceiling)
