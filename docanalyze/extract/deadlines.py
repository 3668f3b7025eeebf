"""Deadlines (placeholder until issue 4 lands)."""
from __future__ import annotations

from ..items import Deadline, Header, Section, Task
from ..model import Document


def find_deadlines(doc: Document, header: Header, sections: list[Section], tasks: list[Task]) -> list[Deadline]:
    return []
