#!/usr/bin/env python3
# test-atspi.py — what a screen reader finds in every view of the app
#
# Starts the app (the built-in document) in a private D-Bus session with
# the accessibility bus, switches through every view with its Alt+N keys
# and walks the window's AT-SPI tree after each. It fails on an
# accessible that a screen reader announces (a control, a cell, a row)
# and that is named after its GTK class (GTK 4.8 falls back to the class
# name, so "GtkButton" is what Orca would read), and on a focusable one
# with no name at all. Containers, and the parts inside library widgets
# that the app cannot reach, are left out (see the sets below). Skips
# (77) when pyatspi, the bus, xdotool or a display is missing.
#
# Usage: test-atspi.py APP LOCALEDIR SCHEMADIR
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import time

SKIP = 77
VIEWS = 7          # Alt+1 … Alt+7, in switcher order (shk-window.c)
CLASS_NAME = re.compile(r"^(Gtk|Adw|Shk)[A-Z][A-Za-z0-9]*$")
# The roles a screen reader announces by name when the focus or the
# review cursor meets them: the controls, and the cells and items of a
# table or list. A container (panel, filler, scroll pane) or a label read
# by its text is passed over, so its class-name fallback is never spoken.
SPOKEN_ROLES = {"push button", "toggle button", "check box", "radio button", "combo box",
                "text", "entry", "password text", "spin button", "slider", "menu item",
                "check menu item", "radio menu item", "page tab", "link", "switch",
                "table cell", "list item", "tree item", "progress bar", "level bar"}
# Library widgets made of GTK parts the app cannot reach: what is inside
# them is named by them (a drop-down's button and list, a view
# switcher's buttons and icons, a split button's arrow, an entry row's
# icon). GTK 4.10 names these parts itself.
LIBRARY_COMPOSITES = ("AdwViewSwitcher", "AdwViewSwitcherTitle", "AdwViewSwitcherBar",
                      "AdwSplitButton", "GtkMenuButton", "text")
# GTK's wrappers around the app's cells in a list or column view; the
# cells inside them are named (and are what takes the focus).
GTK_INTERNALS = {"GtkListItemWidget", "GtkColumnViewCell", "GtkColumnListView", "GtkStackPage",
                 "AdwGizmo", "GtkScrollbar"}
# A row of a list or table with no name of its own is read by what it
# holds, as screen readers do; it must hold something named.
ROW_ROLES = {"list item", "table row", "tree item", "table cell"}
LIST_ROLES = {"list", "table", "tree table", "tree", "list box"}
ROW_SAMPLE = 6
WALKED = set()


def skip(message):
    print(f"SKIP: {message}")
    sys.exit(SKIP)


def import_pyatspi():
    try:
        import pyatspi  # noqa: F401
        return pyatspi
    except ImportError:
        pass
    # Debian's python3-pyatspi is installed for the system Python; a
    # Python of one's own (pyenv) does not see it.
    system = "/usr/bin/python3"
    if (os.path.exists(system) and os.path.realpath(sys.executable) != os.path.realpath(system)
            and "SHK_ATSPI_REEXEC" not in os.environ):
        env = dict(os.environ, SHK_ATSPI_REEXEC="1")
        os.execve(system, [system, os.path.abspath(__file__)] + sys.argv[1:], env)
    skip("pyatspi is not installed (Debian: python3-pyatspi)")


def in_private_session():
    """Runs this script again inside dbus-run-session, once."""
    if os.environ.get("SHK_ATSPI_SESSION") == "1":
        return
    runner = shutil.which("dbus-run-session")
    if runner is None:
        skip("dbus-run-session is missing (Debian: dbus)")
    if not os.path.exists("/usr/share/dbus-1/services/org.a11y.Bus.service"):
        skip("the accessibility bus is missing (Debian: at-spi2-core)")
    env = dict(os.environ, SHK_ATSPI_SESSION="1")
    os.execve(runner, [runner, "--", sys.executable, os.path.abspath(__file__)] + sys.argv[1:], env)


def find_app(pyatspi, process, deadline):
    pid = process.pid
    while time.time() < deadline:
        if process.poll() is not None:
            # The app ended before it showed a window: that is a crash at
            # start-up, not a missing bus.
            print(f"FAIL: the app exited with status {process.returncode} before showing a window")
            sys.exit(1)
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid and app.childCount > 0:
                    return app
            except Exception:
                continue   # an application leaving the bus meanwhile
        time.sleep(0.5)
    return None


def main_window(pyatspi, app):
    for i in range(app.childCount):
        child = app.getChildAtIndex(i)
        if child is not None and child.getRoleName() in ("frame", "window"):
            return child
    return None


def named_inside(accessible, depth=0):
    """A row read by what it holds: a named cell or text inside it."""
    if depth > 4:
        return False
    try:
        for i in range(min(accessible.childCount, 12)):
            child = accessible.getChildAtIndex(i)
            name = child.name or ""
            if (name.strip() and not CLASS_NAME.match(name)) or named_inside(child, depth + 1):
                return True
    except Exception:
        return False
    return False


def walk(accessible, path, found, seen, pyatspi, counts, depth=0, inside=False):
    if accessible is None or depth > 80:
        return
    try:
        name = accessible.name or ""
        role = accessible.getRoleName()
        states = accessible.getState()
        n_children = accessible.childCount
    except Exception:
        return   # gone while walking: rows recycled by a list
    # A hidden widget is not read. (GTK 4.8 does not keep "showing" up to
    # date, so "visible" it is; a stack's other pages are walked too.)
    if not states.contains(pyatspi.STATE_VISIBLE):
        return
    here = f"{path} > {role}" + (f" “{name}”" if name else "")
    # A view walked before is not walked again: the views stay in the
    # window's stack once made, and D-Bus makes every walk slow.
    if name.startswith("Shk") and CLASS_NAME.match(name):
        if here in WALKED:
            return
        WALKED.add(here)
    counts[0] += 1
    if os.environ.get("SHK_ATSPI_DEBUG") and counts[0] % 500 == 0:
        print(f"  … {counts[0]} at {path[-160:]}", flush=True)
    if not inside and name not in GTK_INTERNALS and role in SPOKEN_ROLES:
        problem = None
        if CLASS_NAME.match(name):
            problem = f"named after its class: {name}"
        elif (name.strip() == "" and states.contains(pyatspi.STATE_FOCUSABLE)
              and not (role in ROW_ROLES and named_inside(accessible))):
            problem = "focusable without a name"
        if problem is not None:
            key = (role, name, path)
            if key not in seen:
                seen.add(key)
                found.append(f"{problem} [{role}] in {path}")
                if os.environ.get("SHK_ATSPI_DEBUG"):
                    print(found[-1], flush=True)
    # The rows of a list come from one factory: the first few stand for
    # all of them, and walking every row over D-Bus would take minutes.
    limit = ROW_SAMPLE if role in LIST_ROLES else 2000
    for i in range(min(n_children, limit)):
        try:
            child = accessible.getChildAtIndex(i)
        except Exception:
            continue
        walk(child, here if len(here) < 600 else path, found, seen, pyatspi, counts, depth + 1,
             inside or role in LIBRARY_COMPOSITES or name in LIBRARY_COMPOSITES)


def xdotool(*args):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=20)


def main():
    if len(sys.argv) < 4:
        print("usage: test-atspi.py APP LOCALEDIR SCHEMADIR")
        return 2
    app_path, localedir, schemadir = sys.argv[1:4]
    if not os.environ.get("DISPLAY"):
        skip("no X display (run under xvfb-run)")
    if shutil.which("xdotool") is None:
        skip("xdotool is missing (Debian: xdotool)")
    pyatspi = import_pyatspi()
    in_private_session()

    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env.update(GTK_A11Y="atspi", LANG="ja_JP.UTF-8", LANGUAGE="ja",
               SHINCHOKU_LOCALEDIR=localedir, GSETTINGS_SCHEMA_DIR=schemadir,
               GSETTINGS_BACKEND="memory")
    app = subprocess.Popen([app_path], env=env)
    try:
        accessible_app = find_app(pyatspi, app, time.time() + 60)
        if accessible_app is None:
            skip("the app never showed up on the accessibility bus")
        window = main_window(pyatspi, accessible_app)
        if window is None:
            print("FAIL: the app has no window on the accessibility bus")
            return 1

        # The X window of the frame: the app has other, unmapped ones.
        ids = [wid for wid in xdotool("search", "--sync", "--onlyvisible", "--pid", str(app.pid)).stdout.split()
               if xdotool("getwindowname", wid).stdout.strip() == window.name]
        if not ids:
            print(f"FAIL: xdotool finds no window named “{window.name}”")
            return 1
        found, seen = [], set()
        for view in range(1, VIEWS + 1):
            xdotool("windowfocus", "--sync", ids[-1])
            xdotool("key", f"alt+{view}")
            time.sleep(3)   # the view is made on first show, and laid out
            window = main_window(pyatspi, accessible_app) or window
            before = len(found)
            counts = [0]
            walk(window, "window", found, seen, pyatspi, counts)
            print(f"view {view}: {counts[0]} accessibles, {len(found) - before} finding(s)", flush=True)
            # A walk that found next to nothing did not see the window.
            if counts[0] < 50:
                print(f"FAIL: view {view} shows only {counts[0]} accessibles")
                return 1
        for line in found:
            print(line)
        if found:
            print(f"FAIL: {len(found)} accessible(s) a screen reader cannot name")
            return 1
        print("PASS: every accessible has a name of its own")
        return 0
    finally:
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()


if __name__ == "__main__":
    sys.exit(main())
