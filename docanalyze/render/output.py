"""Writing results: to stdout, or to a file atomically (never a half-written file)."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from ..errors import DocanalyzeError


def write_output(data: str | bytes, path: str | None) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename, or to stdout when ``path`` is None/'-'."""
    if path is None or path == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
            if not data.endswith("\n"):
                sys.stdout.write("\n")
        sys.stdout.flush()
        return
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise DocanalyzeError(f"{path}: the folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise DocanalyzeError(f"{path}: cannot write ({exc.strerror or exc})") from None
