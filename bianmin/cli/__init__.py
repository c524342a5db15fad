"""``bianmin``: the counter's command line.  With no subcommand it opens the window.

One module per group of commands (``station``, ``catalogue``, ``cases``, ``settings``, ``link``,
``window``); what they share is in ``common``; every command's arguments in ``parser``, which is
built only when a command is given (the window's start does not pay for it).
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Callable, Sequence

from app.config import Paths
from app.errors import BianminError, DiskFull, StoreCorrupt, ValidationError
from app.messages import describe
from bianmin.cli.common import CliError, top_flags
from bianmin.cli.window import cmd_self_test, cmd_window

__all__ = ["WINDOW_FLAGS", "build_parser", "main", "window_parser"]


WINDOW_FLAGS = frozenset({"--self-test", "--verbose", "-v", "--demo"})


def window_parser() -> argparse.ArgumentParser:
    """Only the flags of the window and the self-test: building every command's parser costs the
    window's start about 20 ms (bench/startup.py)."""
    return top_flags(argparse.ArgumentParser(prog="bianmin"))


def build_parser() -> argparse.ArgumentParser:
    """Every command's parser (``bianmin.cli.parser``)."""
    from bianmin.cli import parser

    return parser.build_parser()


_FULL_DISK = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def _full_disk(exc: BaseException | None) -> bool:
    """True when ``exc``, or an exception it was raised from or while handling, is a full disk."""
    seen = 0
    while exc is not None and seen < 20:
        if isinstance(exc, OSError) and exc.errno in _FULL_DISK:
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def main(argv: Sequence[str] | None = None) -> int:
    from app import crash, logs

    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = window_parser() if set(arguments) <= WINDOW_FLAGS else build_parser()
    args = parser.parse_args(arguments)
    paths = Paths.default()
    # The self-test leaves the station's data directory alone, its logs included.
    logs.setup(None if args.self_test else paths, verbose=args.verbose)
    uninstall = crash.install(paths)
    func: Callable[[argparse.Namespace], int] = getattr(args, "func", cmd_self_test if args.self_test else cmd_window)
    try:
        return func(args)
    except StoreCorrupt as exc:
        sys.stderr.write(describe(exc) + "\n")
        return 3
    except (BianminError, ValidationError) as exc:
        sys.stderr.write(describe(exc) + "\n")
        return 1
    except CliError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("已取消\n")
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        if _full_disk(exc):  # a write the core did not turn into DiskFull (key file, a document)
            sys.stderr.write(describe(DiskFull(str(exc.errno))) + "\n")
            return 1
        crash.handle(paths, exc)
        return 70
    except Exception as exc:  # a bug: a report without personal data, and a plain word for the person
        crash.handle(paths, exc)
        return 70
    finally:
        uninstall()
        logs.shutdown()

