"""The printable monthly sheet (issue 17 point 3): A4 in Chinese and Tibetan–Chinese, read back —
its figures are the report's, every font is embedded, the charts are drawn, and it says who made it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.reports import Period
from app.services import reports as station_reports
from app.station import Station
from bianmin.demo import cases as demo
from printing import print_monthly, render_monthly

pytestmark = pytest.mark.usefixtures("station")


def _text(pdf: Path) -> str:
    """The text in the order it is drawn (a label's cell, then its value's)."""
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _fonts(pdf: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:]]


def _pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


@pytest.fixture
def month(station: Station) -> Period:
    demo.generate(station, 120, seed=3, days_back=40)
    today = station.today()
    return Period.month(today.year, today.month)


@pytest.mark.parametrize("lang", ["zh", "bo"])
def test_the_sheet_prints_the_reports_figures(station: Station, month: Period, tmp_path: Path, lang: str) -> None:
    out = tmp_path / f"monthly-{lang}.pdf"
    print_monthly(station, month, lang=lang, out=out)
    assert out.stat().st_mode & 0o077 == 0
    text = _text(out)
    total = station_reports.report(station, month).report.total
    assert station.station_name in text and "政务服务统计表" in text
    assert f"{month.start.isoformat()} 至 {month.end.isoformat()}" in text
    flat = " ".join(text.split())
    if lang == "zh":  # (Tibetan's shaped runs are read back out of the drawing order)
        assert f"收件数 {total.taken_in}" in flat and f"办结数 {total.concluded}" in flat
    else:
        assert "བསྡུ་ལེན་གྲངས 收件数" in flat and f" {total.taken_in} " in f" {flat} "
    assert f"{total.on_time_rate * 100:.1f}%" in flat  # type: ignore[operator]
    assert "按事项" in text and "制表人" in text and "审核人" in text
    assert "最低生活保障申请" in text or "高龄津贴" in text
    fonts = _fonts(out)
    assert fonts and all(row[-5] == "yes" for row in fonts), fonts  # every font embedded
    assert not any("Helvetica" in row[0] for row in fonts)
    if lang == "bo":
        assert "གཞུང་དོན་ཞབས་ཞུའི་བསྡོམས་རྩིས་རེའུ་མིག" in text
        assert any("Tibetan" in row[0] for row in fonts)
    assert 1 <= _pages(out) <= 4


def test_an_empty_period_prints_without_figures_to_draw(station: Station, tmp_path: Path) -> None:
    data = render_monthly(station, Period.day(station.today()), lang="zh")
    (tmp_path / "empty.pdf").write_bytes(data)
    flat = " ".join(_text(tmp_path / "empty.pdf").split())
    assert "收件数 0" in flat and "满意率 —" in flat


def test_the_charts_are_drawn(station: Station, month: Period, tmp_path: Path) -> None:
    """The page with the charts has dark bar pixels where the day chart stands (not an empty box)."""
    out = tmp_path / "m.pdf"
    print_monthly(station, month, lang="zh", out=out)
    subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(out), str(tmp_path / "p")], check=True)
    from PIL import Image

    page = Image.open(next(tmp_path.glob("p*.png"))).convert("RGB")
    w, h = page.size
    dark_blue = sum(1 for x in range(0, w, 2) for y in range(h // 2, h, 2)
                    if _bluish(page.getpixel((x, y))))
    assert dark_blue > 200


def _bluish(rgb: tuple[int, int, int]) -> bool:
    r, _g, b = rgb
    return b > 120 and r < 90 and b - r > 60
