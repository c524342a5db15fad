"""No command: the counter window (``--demo``), or ``--self-test``."""

from __future__ import annotations

import argparse
import json
import logging
from typing import Any

from app.buildinfo import build_info
from app.config import Paths
from bianmin.cli.common import out

log = logging.getLogger(__name__)

SELF_TEST_STEPS = {
    "station": "建立临时服务站（加密数据库、操作员口令）",
    "catalogue": "导入并检索示例事项清单（中文、拼音、首字母）",
    "case": "通过业务服务受理一件办件",
    "receipt": "生成受理凭证 PDF（中文、藏文，字体已嵌入）",
    "window": "图形界面组件：字体、藏文界面、读回受理凭证",
    "sync": "与本机临时平台同步（登记、签名、推送、拉取）",
    "journal": "校验办件日志哈希链",
    "cleanup": "删除全部临时文件",
}


def cmd_self_test(args: argparse.Namespace) -> int:
    from bianmin import selftest

    extra: list[tuple[str, selftest.StepFn]] = []
    window_step: selftest.StepFn
    try:
        from ui.selftest import window_step
    except ImportError as exc:  # Qt or one of its system libraries is missing: the window cannot open
        missing = str(exc)

        def qt_missing(ctx: selftest.Context) -> dict[str, Any]:
            raise AssertionError(f"qt_missing: {missing}")
        window_step = qt_missing
    extra.append(("window", window_step))
    out(f"{build_info().line()}：安装自检（在临时目录中进行，不碰本机服务站的数据）")

    def show(step: selftest.Step) -> None:
        mark = "通过" if step.ok else ("未运行" if step.error == "skipped" else "失败")
        label = SELF_TEST_STEPS.get(step.code, step.code)
        why = "" if step.ok or step.error == "skipped" else f"：{step.error}"
        out(f"  [{mark}] {label}  {step.seconds:.1f} 秒{why}")
        if step.ok and args.verbose and step.detail:
            out(f"         {json.dumps(step.detail, ensure_ascii=False)}")

    steps = selftest.run(extra, report=show)
    if all(s.ok for s in steps):
        out("自检通过：这台电脑可以使用便民服务台。")
        return 0
    out("自检未通过。请把以上内容交给县里的信息技术人员。")
    return 1


def cmd_window(args: argparse.Namespace) -> int:
    try:
        import ui.main  # noqa: F401  (Qt and its system libraries load, or the command line says what is missing)
    except ImportError as exc:  # Qt's system libraries are missing (a server with no desktop)
        log.warning("window not available: %s", exc)
        paths = Paths.default()
        out("这台电脑缺少打开柜台窗口所需的图形组件（见 README「What the desktop needs」）。现在可以使用命令行：")
        if not paths.keyfile.exists():
            out("  bianmin init --station-code 540127100000 --station-name 工卡镇便民服务中心 --admin admin")
        out("  bianmin demo --cases 50    bianmin case list    bianmin --help")
        return 1
    return run(demo=args.demo)


def run(demo: bool = False) -> int:
    """The counter window (``ui.main.run``), given what it needs of the demo station
    (:class:`bianmin.demo.Maker`: the window imports neither ``bianmin`` nor ``hub``)."""
    from bianmin.demo import Maker
    from ui.main import run as run_window

    return int(run_window(demo=demo, demo_maker=Maker()))
