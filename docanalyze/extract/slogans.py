"""Slogans (placeholder until issue 4 lands)."""
from __future__ import annotations

from ..items import Citation, Header, Slogan
from ..model import Document


def find_slogans(doc: Document, header: Header, citations: list[Citation]) -> list[Slogan]:
    return []
