"""Consistency findings (placeholder until issue 3 lands)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..items import Finding

if TYPE_CHECKING:
    from ..analysis import Analysis


def lint(analysis: Analysis) -> list[Finding]:
    return []
