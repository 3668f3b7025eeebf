"""Legal citations (placeholder until issue 3 lands)."""
from __future__ import annotations

from ..items import Citation, CitedDocument, Header
from ..model import Document


def find_citations(doc: Document, header: Header | None = None) -> list[Citation]:
    return []


def resolve_citations(citations: list[Citation], doc: Document | None = None) -> list[CitedDocument]:
    return []
