"""Tasks (placeholder until issue 4 lands)."""
from __future__ import annotations

from ..items import Citation, Header, Section, Task
from ..model import Document


def find_tasks(doc: Document, header: Header, sections: list[Section], citations: list[Citation]) -> list[Task]:
    return []
