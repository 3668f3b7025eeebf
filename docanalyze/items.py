"""What the extractors find: plain dataclasses with character spans into ``Document.text``.

Every item has ``start``/``end`` offsets into the normalized text. Dates are
``datetime.date``; :func:`to_jsonable` turns them into ISO strings for JSON.
Field names here are the DataFrame column names (see ``docanalyze.frames``);
the JSON contract of ``../shared/eval/GUIDE.md`` is produced by ``render.json``.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Signer:
    """Who signs: ``authority`` is KT./TM./TL./Q./TUQ. when present."""

    authority: str | None
    position: str | None
    name: str | None
    on_behalf_of: str | None = None  # "GIÁM ĐỐC" in "KT. GIÁM ĐỐC"
    start: int | None = None
    end: int | None = None


@dataclass
class Annex:
    """A document issued with another in the same file: the plan a decision issues ("Ban hành kèm theo
    Quyết định số …"), a PHỤ LỤC. ``start`` is its title line, ``title_end`` where its body begins."""

    kind: str
    kind_name: str | None
    title: str | None
    start: int
    title_end: int
    end: int


@dataclass
class Header:
    """The identity of a document as its header (and, failing that, its opening) states it."""

    kind: str = "other"  # plan | report | decision | directive | official_letter | other
    kind_name: str | None = None  # the type word as written, canonical ("Kế hoạch", "Nghị định" …)
    issuer: str | None = None
    parent_issuer: str | None = None
    issuer_source: str | None = None  # header | code | body
    number: str | None = None  # as written, spaces removed ("24/2026/NĐ-CP", "/BC-SGDĐT")
    symbol: str | None = None  # the part after the number ("BC-SGDĐT")
    place: str | None = None
    date: dt.date | None = None
    date_text: str | None = None  # "ngày tháng năm 2022" when the day is left blank
    date_year: int | None = None  # the year written in the date line, even when day and month are blank
    title: str | None = None
    year: int | None = None  # the year the document is about
    recipients: list[str] = field(default_factory=list)  # Kính gửi
    distribution: list[str] = field(default_factory=list)  # Nơi nhận
    signer: Signer | None = None
    party: bool = False  # a document of the Communist Party (ĐẢNG CỘNG SẢN VIỆT NAM)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # field -> span in the text
    body_start: int = 0  # where the document's body (after the title) begins
    body_end: int | None = None  # where the closing (Nơi nhận, signature) begins
    annexes: list[Annex] = field(default_factory=list)

    def annex_at(self, offset: int) -> Annex | None:
        return next((a for a in self.annexes if a.start <= offset < a.end), None)

    def kind_at(self, offset: int) -> str:
        """The kind of the document that ``offset`` belongs to: an annex plan inside a decision is a plan."""
        annex = self.annex_at(offset)
        return annex.kind if annex is not None else self.kind

    def in_body(self, offset: int) -> bool:
        """Inside the running text of the document or of one of its annexes (not header, closing, title)."""
        if any(a.title_end <= offset < a.end for a in self.annexes):
            return True
        end = self.body_end if self.body_end is not None else (self.annexes[0].start if self.annexes else None)
        return offset >= self.body_start and (end is None or offset < end)


@dataclass
class Section:
    """A node of the section tree: a heading or a list item, with the text it governs.

    ``start``/``end`` cover the heading block and everything under it;
    ``heading_end`` is the end of the heading block itself.
    """

    marker: str | None
    style: str  # part, chapter, article, roman, arabic, arabic2, arabic3, alpha, dash, plus, bullet, heading
    level: int
    title: str
    start: int
    heading_end: int
    end: int
    parent: int | None = None  # index into the flat list
    children: list[int] = field(default_factory=list)
    block: int | None = None  # index of the heading block in Document.blocks


@dataclass
class Citation:
    """One mention of a cited document."""

    text: str
    start: int
    end: int
    type: str | None = None  # canonical type name: Quyết định, Nghị định, Chỉ thị …
    number: str | None = None  # as written, spaces removed: 1483/QĐ-SGDĐT
    date: dt.date | None = None
    issuer: str | None = None
    issuer_source: str | None = None  # text | code | resolved
    name: str | None = None  # a law named by its title: Luật Tiếp công dân
    subject: str | None = None  # "về việc …", a quoted title
    code: str | None = None  # the type code inside the number: QĐ, CT, KH …
    system: str | None = None  # state | party
    short: bool = False  # a re-mention without date or issuer
    doc_id: int | None = None  # which cited document (resolved); index into Analysis.cited
    date_text: str | None = None
    date_valid: bool = True


@dataclass
class CitedDocument:
    """A distinct document cited in a file, with all its mentions."""

    id: int
    type: str | None
    number: str | None
    name: str | None
    issuer: str | None
    dates: list[dt.date] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)
    subject: str | None = None
    mentions: list[int] = field(default_factory=list)  # indices into Analysis.citations


@dataclass
class Timeframe:
    """A time expression normalized to an interval (both ends inclusive)."""

    text: str
    start: int
    end: int
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    kind: str = "interval"  # interval | before | from (a start, no end) | recurring | ongoing | unresolved
    recurrence: str | None = None  # quarterly, monthly, yearly, half-yearly, weekly …


@dataclass
class Task:
    """A unit of planned work."""

    id: str
    text: str
    start: int
    end: int
    lead: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    timeframe: str | None = None  # as written: "Quý I/2025"
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    recurring: bool = False
    source: str = "list"  # table | list
    section: str | None = None  # heading of the section it sits in
    table: int | None = None
    row: int | None = None
    product: str | None = None
    note: str | None = None


@dataclass
class Deadline:
    """A time bound on work still to be done."""

    text: str
    start: int
    end: int
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    kind: str = "interval"  # interval | before | from (a start, no end) | recurring | unresolved
    recurrence: str | None = None
    task_id: str | None = None
    what: str | None = None  # the work it binds
    who: list[str] = field(default_factory=list)


@dataclass
class Slogan:
    """A motto, working style, movement, yearly theme or named model quoted in the text."""

    text: str
    start: int
    end: int
    kind: str  # motto | style | movement | theme | model
    canonical: str | None = None
    lexicon_id: str | None = None
    score: float = 1.0


@dataclass
class Finding:
    """A consistency problem found by ``lint``."""

    kind: str
    message: str
    start: int | None = None
    end: int | None = None
    number: str | None = None
    severity: str = "warning"
    related: list[tuple[int, int]] = field(default_factory=list)


def to_jsonable(obj: Any) -> Any:
    """Dataclasses, dates and containers to JSON-ready values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    return obj
