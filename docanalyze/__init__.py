"""docanalyze: read Vietnamese administrative documents and turn them into data.

    import docanalyze
    doc = docanalyze.load("plan.docx")          # Document: one normalized text, blocks, tables
    result = docanalyze.analyze(doc)            # header, citations, tasks, deadlines, slogans, findings
    coverage = docanalyze.check("report.pdf", "plan.docx")

Heavy libraries (underthesea, spaCy, scikit-learn, pdfplumber) load only when used.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["load", "analyze", "extract", "check", "to_frame", "to_spacy", "Document", "Analysis"]

if TYPE_CHECKING:
    from .analysis import Analysis
    from .model import Document


def load(path: Any, **kwargs: Any) -> Document:
    """Read a .docx, .pdf, .txt or .md file into a normalized :class:`Document`."""
    from .readers import load as _load

    return _load(path, **kwargs)


def analyze(source: Any) -> Analysis:
    """Everything docanalyze extracts from one document (a path or a loaded Document)."""
    from .analysis import analyze as _analyze

    return _analyze(source)


extract = analyze


def check(report: Any, plan: Any) -> Any:
    """Which tasks of ``plan`` the ``report`` reports on (paths or loaded documents)."""
    from .coverage import check as _check

    return _check(report, plan)


def to_frame(items: Any, kind: Any = None) -> Any:
    """A list of extracted items (citations, tasks …) as a pandas DataFrame.

    ``kind`` ("tasks", ``Task`` …) gives an empty list its columns.
    """
    from .frames import to_frame as _to_frame

    return _to_frame(items, kind)


def to_spacy(source: Any) -> Any:
    """A spaCy Doc whose span groups hold citations, deadlines, slogans and tasks."""
    from .spacy_view import to_spacy as _to_spacy

    return _to_spacy(source)


def __getattr__(name: str) -> Any:
    if name == "Document":
        from .model import Document

        return Document
    if name == "Analysis":
        from .analysis import Analysis

        return Analysis
    raise AttributeError(name)
