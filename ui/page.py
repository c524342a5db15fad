"""What every page of the main window has: texts re-set on a language change, data loaded when
shown (through the session's task runner), personal data dropped at logout.

Subclasses put their ``self.tr(...)`` calls in their own methods (lupdate files a text under the
class whose source it is in), and never touch ``session.station.db`` on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ui.i18n import Retranslating
from ui.session import Session


class Page(Retranslating, QWidget):
    open_case = Signal(str)  # show this case's detail
    navigate = Signal(str)  # go to another page by its name ("dashboard", "intake", "cases", ...)
    evaluate = Signal(str)  # open the citizen's evaluation screen for this case

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session


    def retranslate(self) -> None:
        """Set every visible text again (called on LanguageChange)."""

    def refresh(self) -> None:
        """Load what the page shows (called when the page is shown and when data changed)."""

    def clear(self) -> None:
        """Forget everything personal (called at logout)."""
