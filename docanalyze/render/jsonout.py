"""The JSON contract of ``../shared/eval/GUIDE.md``; extra fields are additions, never renames.

Tasks and deadlines use ``start``/``end`` for the dates of their timeframe (as
the GUIDE fixes), so their character offsets are ``char_start``/``char_end``;
citations and slogans use ``start``/``end`` for offsets.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..items import Citation, CitedDocument, Deadline, Finding, Header, Section, Slogan, Task, to_jsonable

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..model import Document


def _iso(d: Any) -> str | None:
    return d.isoformat() if d is not None else None


def header_to_dict(h: Header, doc: Document | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": h.kind, "kind_name": h.kind_name, "number": h.number, "symbol": h.symbol,
        "issuer": h.issuer, "parent_issuer": h.parent_issuer, "issuer_source": h.issuer_source,
        "place": h.place, "date": _iso(h.date), "date_text": h.date_text, "year": h.year, "title": h.title,
        "party": h.party, "recipients": h.recipients, "distribution": h.distribution,
        "signer": to_jsonable(h.signer) if h.signer else None,
        "spans": {k: list(v) for k, v in h.spans.items()},
        "body_start": h.body_start, "body_end": h.body_end,
    }
    if doc is not None:
        out.update({"source": doc.source, "format": doc.format, "pages": doc.pages, "length": len(doc.text)})
    return out


def citation_to_dict(c: Citation) -> dict[str, Any]:
    return {"type": c.type, "number": c.number, "date": _iso(c.date), "issuer": c.issuer, "name": c.name,
            "subject": c.subject, "text": c.text, "start": c.start, "end": c.end, "code": c.code,
            "system": c.system, "short": c.short, "doc_id": c.doc_id, "issuer_source": c.issuer_source,
            "date_text": c.date_text}


def cited_to_dict(d: CitedDocument) -> dict[str, Any]:
    return {"id": d.id, "type": d.type, "number": d.number, "name": d.name, "issuer": d.issuer,
            "dates": [_iso(x) for x in d.dates], "variants": d.variants, "subject": d.subject,
            "mentions": d.mentions}


def task_to_dict(t: Task) -> dict[str, Any]:
    return {"id": t.id, "text": t.text, "lead": t.lead, "partners": t.partners, "timeframe": t.timeframe,
            "start": _iso(t.date_start), "end": _iso(t.date_end), "recurring": t.recurring,
            "char_start": t.start, "char_end": t.end, "source": t.source, "section": t.section,
            "product": t.product, "note": t.note}


def deadline_to_dict(d: Deadline) -> dict[str, Any]:
    return {"text": d.text, "start": _iso(d.date_start), "end": _iso(d.date_end), "kind": d.kind,
            "recurrence": d.recurrence, "task_id": d.task_id, "what": d.what, "who": d.who,
            "char_start": d.start, "char_end": d.end}


def slogan_to_dict(s: Slogan) -> dict[str, Any]:
    return {"text": s.text, "canonical": s.canonical, "kind": s.kind, "start": s.start, "end": s.end,
            "lexicon_id": s.lexicon_id, "score": round(s.score, 3)}


def finding_to_dict(f: Finding) -> dict[str, Any]:
    return {"kind": f.kind, "message": f.message, "number": f.number, "start": f.start, "end": f.end,
            "severity": f.severity, "related": [list(r) for r in f.related]}


def section_to_dict(s: Section) -> dict[str, Any]:
    return {"marker": s.marker, "style": s.style, "level": s.level, "title": s.title, "start": s.start,
            "heading_end": s.heading_end, "end": s.end, "parent": s.parent}


def analysis_to_dict(a: Analysis) -> dict[str, Any]:
    return {
        "document": header_to_dict(a.header, a.document),
        "citations": [citation_to_dict(c) for c in a.citations],
        "cited_documents": [cited_to_dict(d) for d in a.cited],
        "tasks": [task_to_dict(t) for t in a.tasks],
        "deadlines": [deadline_to_dict(d) for d in a.deadlines],
        "slogans": [slogan_to_dict(s) for s in a.slogans],
        "findings": [finding_to_dict(f) for f in a.findings],
        "sections": [section_to_dict(s) for s in a.sections],
    }
