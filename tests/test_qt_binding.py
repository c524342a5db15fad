"""The Qt binding does not lose references to None (PySide6 6.12.0 did, PYSIDE-3474: on Python
3.11 a long day at the counter then ends in "Fatal Python error: none_dealloc")."""

from __future__ import annotations

import sys
from typing import Any


def test_qt_calls_that_return_none_keep_none_alive(qapp: Any) -> None:
    from PySide6.QtWidgets import QComboBox, QLabel

    label = QLabel()
    combo = QComboBox()
    before = sys.getrefcount(None)
    for _ in range(20_000):
        label.setText("x")
        label.hide()
        combo.currentData()
    after = sys.getrefcount(None)
    assert after >= before - 100, f"None lost {before - after} references in 60,000 Qt calls"
