"""Run every extractor over one document and hold the results together.

The order matters and is fixed here: header and sections first (the year a
document is about resolves dates without a year; sections tell task lists from
purposes), then citations (tasks and slogans must not mistake a cited title for
their own text), tasks, deadlines, slogans, and last the lint that reads them all.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from .items import Citation, CitedDocument, Deadline, Finding, Header, Section, Slogan, Task
from .model import Document


@dataclass
class Analysis:
    document: Document
    header: Header
    sections: list[Section] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    cited: list[CitedDocument] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    slogans: list[Slogan] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.document.text

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``docanalyze extract --format json`` (GUIDE.md contract)."""
        from .render.jsonout import analysis_to_dict

        return analysis_to_dict(self)

    def to_frame(self, what: str = "citations") -> Any:
        """One result list as a pandas DataFrame: citations, cited, tasks, deadlines, slogans, findings, sections."""
        from .frames import to_frame

        return to_frame(getattr(self, what), kind=what)

    def _repr_html_(self) -> str:  # pragma: no cover - exercised in notebooks
        from .render.html_doc import analysis_html

        return analysis_html(self)


def analyze(source: Document | str | os.PathLike[str]) -> Analysis:
    """Read (if given a path) and extract everything from one document."""
    from .analyse.lint import lint
    from .extract.citations import find_citations, resolve_citations
    from .extract.deadlines import find_deadlines
    from .extract.slogans import find_slogans
    from .extract.tasks import find_tasks
    from .readers import load
    from .structure.header import parse_header
    from .structure.sections import parse_sections

    doc = source if isinstance(source, Document) else load(source)
    header = parse_header(doc)
    sections = parse_sections(doc, header)
    citations = find_citations(doc, header)
    cited = resolve_citations(citations, doc)
    result = Analysis(document=doc, header=header, sections=sections, citations=citations, cited=cited)
    result.tasks = find_tasks(doc, header, sections, citations)
    result.deadlines = find_deadlines(doc, header, sections, result.tasks)
    result.slogans = find_slogans(doc, header, citations)
    result.findings = lint(result)
    return result
