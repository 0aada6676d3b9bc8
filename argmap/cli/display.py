"""Before the editor starts: is there a display, and the system libraries Qt's X11 plugin needs?

Without them Qt aborts the process (a core dump with no display; a message blaming
``libxcb-cursor0`` when another library is missing). :func:`display_problem` finds out first,
without importing Qt, and says in one line what is wrong and what to do.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

#: What Qt 6's X11 (xcb) platform plugin links against, with the Debian/Ubuntu package of
#: each (from ``readelf -d`` on PySide6's libqxcb.so, libQt6XcbQpa.so and libQt6Gui.so).
XCB_LIBRARIES: dict[str, str] = {
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
}

#: Platforms that need no screen (tests, rendering over VNC).
_SCREENLESS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb")

Loader = Callable[[str], bool]


def can_load(soname: str) -> bool:
    """Whether the dynamic loader finds ``soname`` (or PySide6 bundles it)."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return _bundled(soname)
    return True


def _bundled(soname: str) -> bool:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return False
    return any(
        (Path(folder) / "Qt" / "lib" / soname).exists()
        for folder in spec.submodule_search_locations
    )


def missing_libraries(load: Loader = can_load) -> list[str]:
    return [soname for soname in XCB_LIBRARIES if not load(soname)]


def x_display_opens(name: str) -> bool:
    """Whether an X server answers at ``name`` (Xlib's XOpenDisplay, as Qt would try)."""
    try:
        xlib = ctypes.CDLL("libX11.so.6")
    except OSError:
        return False
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    display = xlib.XOpenDisplay(name.encode())
    if not display:
        return False
    xlib.XCloseDisplay(display)
    return True


def display_problem(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    load: Loader = can_load,
    opens: Callable[[str], bool] = x_display_opens,
) -> str | None:
    """One line saying why the editor cannot open a window here, or ``None`` when it can."""
    env = os.environ if environ is None else environ
    if (platform or sys.platform) != "linux":
        return None
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if chosen in _SCREENLESS:
        return None
    headless = "the headless commands work without one (argmap --help)"
    wayland = env.get("WAYLAND_DISPLAY", "")
    x11 = env.get("DISPLAY", "")
    if chosen.startswith("wayland") or (not chosen and wayland and not x11):
        return None if wayland else f"argmap: no Wayland display to open the editor on; {headless}"
    if not x11:
        return (
            "argmap: no display to open the editor on (DISPLAY is not set: "
            f"run it in a desktop session, or ssh -X); {headless}"
        )
    missing = missing_libraries(load)
    if missing:
        packages = " ".join(XCB_LIBRARIES[soname] for soname in missing)
        return (
            f"argmap: the editor needs system libraries that are missing: {', '.join(missing)} "
            f"(Debian/Ubuntu: sudo apt install {packages}); {headless}"
        )
    if not opens(x11):
        return f"argmap: cannot open the display {x11!r} (no X server answers there); {headless}"
    return None
