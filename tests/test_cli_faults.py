"""The command line prints every thread's Python stack when a native library crashes (faulthandler on)."""

from __future__ import annotations

import argparse
import faulthandler

import pytest

from nianbao import cli


def test_the_command_line_turns_the_fault_handler_on(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    def parser() -> argparse.ArgumentParser:
        p = argparse.ArgumentParser()
        p.set_defaults(run=lambda args: seen.append(faulthandler.is_enabled()) or 0)
        return p

    monkeypatch.setattr(cli, "build_parser", parser)
    was_on = faulthandler.is_enabled()
    faulthandler.disable()
    try:
        assert cli.main([]) == 0
        assert seen == [True]
    finally:
        if was_on:
            faulthandler.enable()
        else:
            faulthandler.disable()
