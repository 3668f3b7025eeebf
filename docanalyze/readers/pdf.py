"""PDF (placeholder until the PDF reader lands)."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .builder import DocumentBuilder


def read_pdf(path: Path, builder: DocumentBuilder) -> None:
    raise InputError(f"{path.name}: PDF reading is not available yet")
