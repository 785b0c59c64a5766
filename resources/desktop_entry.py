"""Put the app in a Linux desktop's menu: a desktop entry and its icon in the user's XDG data folder.

Follows the Desktop Entry Specification: the entry goes to $XDG_DATA_HOME/applications, the icon
to the hicolor theme's scalable folder, and Exec names the launcher by its full path so the menu
finds the program even when it lives in a virtual environment that is not on PATH.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from resources import APP_ID, icon_file, resource_path

# Characters that make an Exec argument need double quotes (the specification's "reserved" list).
_RESERVED = re.compile(r"[\s\"'\\><~|&;$*?#()`]")
# Inside double quotes these four are escaped with a backslash.
_QUOTED_ESCAPES = re.compile(r'(["`$\\])')


class InstalledEntry(NamedTuple):
    entry: Path
    icon: Path


def exec_argument(argument: str) -> str:
    """One argument of an Exec key, quoted when it holds a reserved character; '%' is doubled."""
    if argument and not _RESERVED.search(argument):
        quoted = argument
    else:
        quoted = '"' + _QUOTED_ESCAPES.sub(r"\\\1", argument) + '"'
    return quoted.replace("%", "%%")


def string_value(text: str) -> str:
    """A desktop entry string value: backslashes and line breaks escaped (applied after Exec quoting)."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def desktop_entry_text(command: Sequence[str]) -> str:
    """The shipped entry with Exec (and TryExec, which hides the entry once the program is gone) set to command."""
    exec_line = f"Exec={string_value(' '.join(exec_argument(part) for part in command))}"
    lines = []
    for line in resource_path(f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            lines += [f"TryExec={string_value(command[0])}", exec_line]
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"


def install_desktop_entry(data_home: Path, command: Sequence[str]) -> InstalledEntry:
    """Write the entry and the icon under data_home (the user's XDG data folder); running it again updates both."""
    entry = data_home / "applications" / f"{APP_ID}.desktop"
    icon = data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    for path in (entry, icon):
        path.parent.mkdir(parents=True, exist_ok=True)
    icon.write_bytes(icon_file().read_bytes())
    entry.write_text(desktop_entry_text(command), encoding="utf-8")
    return InstalledEntry(entry, icon)
