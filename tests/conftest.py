"""Shared fixtures: paths to the corpus, and the shared folder when it exists (skips when it does not)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def corpus() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def shared_real() -> Path:
    path = SHARED / "real"
    if not path.is_dir():
        pytest.skip("../shared/real is not available in this checkout")
    return path
