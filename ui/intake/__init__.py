"""受理: the step-by-step intake flow (one module per step; the page itself is in ``flow``)."""

from __future__ import annotations

from ui.intake.flow import IntakePage

__all__ = ["IntakePage"]
