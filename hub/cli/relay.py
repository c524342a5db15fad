"""``bianmin-hub relay``: set up (first run) and run the centre's relay (``hub.relay``).

    bianmin-hub relay --upstream https://hub.example --station 540127100000 --code ABCDE-FGHJK \\
        --name 工卡镇便民服务中心 [--device 90] [--dir DIR] [--host 0.0.0.0] [--port 8770]
    bianmin-hub relay --dir DIR            # later runs: the directory holds everything

The first run enrols the relay at the regional hub as a device of the station (role relay) with a
one-time code made for that device (``bianmin-hub enrol-code STATION --device 90``), keeps its key
and state in DIR and makes its encrypted database; then, and on every later run, it serves (also
while upstream is down, with the device list it last read)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from app.errors import HubRefused, LinkDown, SyncError
from app.labels import zh
from hub.cli.common import CliError, out
from hub.relay.state import RelayConfig, RelayDir
from sync import protocol
from sync.client import HubClient

DEFAULT_DIR = "bianmin-relay"
DEFAULT_PORT = 8770


def _station_code(text: str) -> str:
    if len(text) != 12 or not text.isascii() or not text.isdigit():
        raise CliError("站点代码应为 12 位数字")
    return text


def set_up(directory: RelayDir, args: argparse.Namespace) -> RelayConfig:
    """Enrol at upstream as the station's relay device; the key is made (and kept) before asking,
    so that running the same command again after a lost answer presents the same key."""
    missing = [flag for flag, value in (("--upstream", args.upstream), ("--station", args.station),
                                        ("--code", args.code)) if not value]
    if missing:
        raise CliError(f"目录 {directory.path} 中还没有中继；首次运行请给出 {'、'.join(missing)}")
    station = _station_code(args.station)
    device = args.device
    if len(device) != 2 or not device.isdigit():
        raise CliError("设备编号应为 2 位数字")
    directory.make()
    key = directory.device_key()
    upstream = args.upstream.rstrip("/")
    client = HubClient(upstream, station, ca_bundle=args.ca_bundle)
    try:
        # The station's name counts only where the platform does not know the station yet (its windows
        # enrolled first, as a rule: then the name they gave stands).
        answer = client.enrol(args.code, args.name or station, protocol.public_bytes(key), device=device,
                              device_name=zh(protocol.DeviceRole.relay), role=protocol.DeviceRole.relay.value)
    except LinkDown as exc:
        raise CliError(f"无法连接区域平台 {upstream}：{exc}。登记需要联网，请稍后用同一命令重试") from exc
    except HubRefused as exc:
        raise CliError(f"区域平台拒绝了中继的登记（{exc.details.get('reason', '')}）："
                       "请确认登记码是为本站设备 " f"{device} 生成的，且未过期") from exc
    except SyncError as exc:
        raise CliError(f"登记失败：{exc.code}") from exc
    if answer.get("device") not in (None, device):
        raise CliError(f"区域平台把中继登记为设备 {answer.get('device')}，而不是 {device}")
    config = RelayConfig(upstream=upstream, station=station, device=device,
                         enrolled_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                         ca_bundle=args.ca_bundle or "")
    directory.save_config(config)
    out(f"中继已在 {upstream} 登记为站点 {station} 的设备 {device}")
    return config


def cmd_relay(args: argparse.Namespace) -> int:
    import uvicorn

    from hub.relay.app import create_relay_app

    directory = RelayDir(Path(args.dir))
    if directory.is_set_up():
        config = directory.config()
        if args.station and args.station != config.station:
            raise CliError(f"目录 {directory.path} 中的中继属于站点 {config.station}，不是 {args.station}")
    else:
        config = set_up(directory, args)
    app = create_relay_app(directory, interval=args.mirror_every,
                           devices_every=dt.timedelta(seconds=args.devices_every))
    out(f"中心中继已启动：http://{args.host}:{args.port}（站点 {config.station}，设备 {config.device}，"
        f"区域平台 {config.upstream}，目录 {directory.path}）")
    out(f"各窗口运行：bianmin sync relay http://<本机地址>:{args.port}")
    sys.stdout.flush()
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", log_config=None)
    return 0
