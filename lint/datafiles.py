"""Helpers for rule data folders: plain-text phrase lists compiled into a JSON index."""
from __future__ import annotations

import os
import zlib


def digest(folder: str, suffix: str = ".txt") -> str:
    """A digest of the contents of the ``suffix`` files in ``folder``: an index built from them
    records it, and is stale (rebuilt in memory) when a file changes."""
    value = 0
    for name in sorted(os.listdir(folder)):
        if name.endswith(suffix):
            with open(os.path.join(folder, name), "rb") as f:
                value = zlib.crc32(name.encode() + b"\0" + f.read(), value)
    return f"{value:08x}"
