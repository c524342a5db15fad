"""``bianmin``: the program's entry points, outside the packages they start.

The command line (:mod:`bianmin.cli`, one module per group of commands), the installation
self-test (:mod:`bianmin.selftest`) and the demo station (:mod:`bianmin.demo`). This package may
import every other one (app, sync, printing, ui, hub); none of them imports it (the import-linter
contracts in ``pyproject.toml`` say so), so the window receives what it needs of the demo and
the self-test from here, as arguments.
"""
