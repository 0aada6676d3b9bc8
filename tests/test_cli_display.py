"""No display, or no X11 libraries: one line saying so, instead of Qt aborting the process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.cli.display import XCB_LIBRARIES, display_problem

ROOT = Path(__file__).resolve().parents[1]


def _all_present(soname: str) -> bool:
    return True


def test_no_display_gives_a_one_line_hint() -> None:
    problem = display_problem({}, "linux", _all_present, lambda name: True)
    assert problem is not None and "\n" not in problem
    assert "no display" in problem and "DISPLAY is not set" in problem
    assert "argmap --help" in problem


def test_missing_xcb_libraries_are_named_with_their_packages() -> None:
    absent = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    problem = display_problem(
        {"DISPLAY": ":0"}, "linux", lambda soname: soname not in absent, lambda name: True
    )
    assert problem is not None and "\n" not in problem
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in problem
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in problem
    assert "libxcb-cursor" not in problem  # present: not blamed


def test_an_unreachable_x_server_is_named() -> None:
    problem = display_problem({"DISPLAY": ":99"}, "linux", _all_present, lambda name: False)
    assert problem is not None and "':99'" in problem


@pytest.mark.parametrize(
    "environ",
    [
        {"QT_QPA_PLATFORM": "offscreen"},
        {"WAYLAND_DISPLAY": "wayland-0"},
        {"DISPLAY": ":0"},
    ],
)
def test_a_usable_setup_is_let_through(environ: dict[str, str]) -> None:
    assert display_problem(environ, "linux", _all_present, lambda name: True) is None


def test_other_systems_are_not_checked() -> None:
    assert display_problem({}, "darwin", lambda s: False, lambda n: False) is None


def test_every_library_has_a_package() -> None:
    assert all(package for package in XCB_LIBRARIES.values())
    assert "libxcb-cursor.so.0" in XCB_LIBRARIES and "libxcb-icccm.so.4" in XCB_LIBRARIES


def test_argmap_without_a_display_prints_the_hint_and_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main([]) == 1
    err = capsys.readouterr().err
    assert err.startswith("argmap: no display") and err.count("\n") == 1


@pytest.mark.skipif(sys.platform != "linux", reason="the X11 check is for Linux")
def test_the_real_process_does_not_dump_core_without_a_display(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "argmap"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("argmap: no display") and "Traceback" not in done.stderr
