"""Result lists as pandas DataFrames with stable, documented columns.

Analysts work in pandas; they need the same column names every time (a
notebook written today must run on next year's output) and dates they can
compare, group by quarter or plot. So every item type has a fixed column list
(:data:`COLUMNS`, documented in ``docs/COLUMNS.md``), including for an empty
list, and every date is a ``datetime64[ns]`` column (missing dates are ``NaT``).

Conventions shared by all frames:

* one row per item, in the order of the list; the index is the item's position,
  so ``Citation.doc_id`` and ``CitedDocument.mentions`` index these frames;
* ``start``/``end`` are always *character offsets* into ``Document.text`` (unlike
  the JSON contract, where a task's ``start``/``end`` are its dates);
* text columns use pandas' ``string`` dtype, optional integers ``Int64``,
  flags ``boolean`` (all nullable); lists (lead units, variants …) stay Python
  lists in ``object`` columns — ``df.explode("lead")`` gives one row per unit;
* derived columns are marked *derived* in the docs; everything else is a field
  of the dataclass in :mod:`docanalyze.items` under the same name.

pandas is imported inside the functions: ``docanalyze --help`` must stay instant.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from .items import Citation, CitedDocument, Deadline, Finding, Section, Slogan, Task, Timeframe
from .lexicon import issuer_by_code, issuers
from .normalize import fold

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "Column", "to_frame", "issuer_level", "columns_of"]


@dataclass(frozen=True)
class Column:
    """One column: its name, pandas dtype, how to get it from an item, and what it means."""

    name: str
    dtype: str  # string | Int64 | boolean | float64 | datetime | object
    doc: str
    get: Callable[[Any], Any] | None = None  # default: the item's attribute of the same name
    derived: bool = False


def _attr(name: str) -> Callable[[Any], Any]:
    return lambda item: getattr(item, name)


def _list(name: str) -> Callable[[Any], Any]:
    return lambda item: list(getattr(item, name) or [])


# --- issuing level ---------------------------------------------------------------------------


@cache
def _levels_by_name() -> list[tuple[str, str]]:
    """(folded issuer name, level), longest name first so "Ủy ban nhân dân thành phố" beats "Ủy ban nhân dân"."""
    names = {fold(i.name): i.level for i in issuers()}
    return sorted(names.items(), key=lambda kv: -len(kv[0]))


def _codes_of(number: str) -> list[str]:
    """Candidate issuer codes in a document number, most specific first.

    State numbers end in TYPE-ISSUER ("1483/QĐ-SGDĐT", "169/2024/QH15");
    Party numbers put the issuer after the slash ("30-CT/TW",
    "173-KH/BDVTU-UBNDTP" for a joint document). Trailing term numbers
    ("QH15") are not part of the code.
    """
    tail = number.rsplit("/", 1)[-1] if "/" in number else number
    parts = [p for p in tail.split("-") if p]
    if len(parts) > 1 and "/" in number and "-" not in number.split("/", 1)[0]:
        # state number: TYPE-ISSUER (QĐ-SGDĐT), or ISSUER-UNIT for an official letter (SGDĐT-VP)
        parts = parts[1:] + parts[:1]
    out = []
    for p in parts:
        out.append(p)
        stripped = p.rstrip("0123456789")
        if stripped and stripped != p:
            out.append(stripped)
    return out


def issuer_level(issuer: str | None, number: str | None = None) -> str | None:
    """The issuing level (``issuers.toml`` ``level``) of a body, by its name or else its number's code.

    Levels: central, assembly, ministry, party_central, party_provincial,
    party_local, provincial, department, district, commune, school, other;
    ``None`` when neither the name nor the code is known.
    """
    if issuer:
        key = fold(issuer)
        for name, level in _levels_by_name():
            if key == name or key.startswith(name + " "):
                return level
    if number:
        codes = issuer_by_code()
        for code in _codes_of(number):
            hit = codes.get(fold(code))
            if hit is not None:
                return hit.level
    return None


# --- column specifications ---------------------------------------------------------------------

_OFFSETS = [
    Column("start", "Int64", "character offset where the item starts in `Document.text`"),
    Column("end", "Int64", "character offset where it ends (exclusive); `text[start:end]` is the item"),
]

COLUMNS: dict[str, list[Column]] = {
    "citations": [
        Column("text", "string", "the mention exactly as it stands in the text"),
        *_OFFSETS,
        Column("type", "string", "canonical type name: Quyết định, Nghị định, Chỉ thị, Luật …"),
        Column("number", "string", "number and symbol as written, spaces removed: 1483/QĐ-SGDĐT"),
        Column("date", "datetime", "the date the mention gives for the cited document"),
        Column("date_text", "string", "the date as written, when it is partial or invalid"),
        Column("date_valid", "boolean", "false when the written date cannot exist (31/2)"),
        Column("issuer", "string", "issuing body named in the text or certain from the number's code"),
        Column("issuer_source", "string", "where the issuer comes from: text, code, resolved"),
        Column("issuer_level", "string", "issuing level of the issuer (central, ministry, party_central, "
               "provincial, department …) from `data/issuers.toml`; by name, else by the number's code",
               get=lambda c: issuer_level(c.issuer, c.number), derived=True),
        Column("name", "string", "a law cited by its title: Luật Tiếp công dân"),
        Column("subject", "string", "the subject (trích yếu) given with the mention: về việc …"),
        Column("code", "string", "the type code inside the number: QĐ, CT, KH …"),
        Column("system", "string", "numbering system: state or party"),
        Column("short", "boolean", "a re-mention without date or issuer"),
        Column("doc_id", "Int64", "row of the cited-documents frame this mention resolves to"),
    ],
    "cited": [
        Column("id", "Int64", "identifier of the cited document (its row in `Analysis.cited`)"),
        Column("type", "string", "canonical type name"),
        Column("number", "string", "number and symbol as first written"),
        Column("name", "string", "title of a law cited by name"),
        Column("issuer", "string", "issuing body"),
        Column("issuer_level", "string", "issuing level of the issuer (see citations)",
               get=lambda d: issuer_level(d.issuer, d.number), derived=True),
        Column("date", "datetime", "the earliest date given for it", derived=True,
               get=lambda d: min(d.dates) if d.dates else None),
        Column("dates", "object", "every date the file gives for it (list of `datetime.date`)",
               get=lambda d: sorted(d.dates)),
        Column("n_dates", "Int64", "number of distinct dates (more than one is a conflict)",
               get=lambda d: len(set(d.dates)), derived=True),
        Column("variants", "object", "other spellings of the number in the file (list of str)",
               get=_list("variants")),
        Column("subject", "string", "subject (trích yếu) when given"),
        Column("mentions", "object", "rows of the citations frame that mention it (list of int)",
               get=_list("mentions")),
        Column("n_mentions", "Int64", "how many times the file cites it",
               get=lambda d: len(d.mentions), derived=True),
    ],
    "tasks": [
        Column("id", "string", "the task's number in the plan (\"1\", \"II.2\", \"3.a\")"),
        Column("text", "string", "the task as written"),
        *_OFFSETS,
        Column("lead", "object", "lead units as written (list of str)", get=_list("lead")),
        Column("lead_first", "string", "the first lead unit, for grouping and charts",
               get=lambda t: t.lead[0] if t.lead else None, derived=True),
        Column("partners", "object", "partner units as written (list of str)", get=_list("partners")),
        Column("timeframe", "string", "the timeframe as written: Quý I/2025, Cả năm, trước ngày 10/6"),
        Column("date_start", "datetime", "first day of the timeframe (inclusive)"),
        Column("date_end", "datetime", "last day of the timeframe (inclusive)"),
        Column("recurring", "boolean", "the task repeats (hằng tháng, hằng quý, thường xuyên)"),
        Column("source", "string", "where it was found: table (a row) or list (an item)"),
        Column("section", "string", "heading of the section the task sits in"),
        Column("table", "Int64", "index in `Document.tables` for a table row"),
        Column("row", "Int64", "row in that table"),
        Column("product", "string", "the expected product (sản phẩm) when the plan states one"),
        Column("note", "string", "the note (ghi chú) column of a task table"),
    ],
    "deadlines": [
        Column("text", "string", "the words that state the time bound"),
        *_OFFSETS,
        Column("date_start", "datetime", "first day of the interval (NaT for \"before …\")"),
        Column("date_end", "datetime", "last day by which the work is due (inclusive)"),
        Column("kind", "string", "interval, before, recurring or unresolved"),
        Column("recurrence", "string", "for recurring bounds: monthly, quarterly, yearly …"),
        Column("task_id", "string", "id of the task it binds, when inside a task"),
        Column("what", "string", "the work it binds"),
        Column("who", "object", "units that must meet it (list of str)", get=_list("who")),
    ],
    "slogans": [
        Column("text", "string", "the slogan as written (without its quotes)"),
        *_OFFSETS,
        Column("kind", "string", "motto, style, movement, theme or model"),
        Column("canonical", "string", "the canonical wording of a known slogan"),
        Column("lexicon_id", "string", "id of the known slogan in `data/`"),
        Column("score", "float64", "how sure the match is, 0–1"),
    ],
    "findings": [
        Column("kind", "string", "citation_date_conflict, citation_number_conflict, citation_code_mismatch, "
               "header_year_mismatch, date_invalid …"),
        Column("severity", "string", "error, warning or info"),
        Column("message", "string", "one sentence for a person"),
        Column("number", "string", "the document number concerned, if any"),
        *_OFFSETS,
        Column("related", "object", "other (start, end) spans involved (list of tuples)",
               get=lambda f: [tuple(r) for r in f.related]),
    ],
    "sections": [
        Column("marker", "string", "marker as written: I., 1., 1.1., a), -, +, Điều 1"),
        Column("style", "string", "part, chapter, article, roman, arabic, arabic2, arabic3, alpha, dash, plus, "
               "bullet, heading"),
        Column("level", "Int64", "depth in the section tree (0 = top)"),
        Column("title", "string", "the heading text"),
        Column("start", "Int64", "offset where the heading starts"),
        Column("heading_end", "Int64", "offset where the heading block ends"),
        Column("end", "Int64", "offset where everything the section governs ends"),
        Column("parent", "Int64", "row of the parent section"),
        Column("children", "object", "rows of the child sections (list of int)", get=_list("children")),
        Column("block", "Int64", "index of the heading block in `Document.blocks`"),
    ],
    "timeframes": [
        Column("text", "string", "the time expression as written"),
        *_OFFSETS,
        Column("date_start", "datetime", "first day of the interval"),
        Column("date_end", "datetime", "last day of the interval"),
        Column("kind", "string", "interval, before, recurring, ongoing or unresolved"),
        Column("recurrence", "string", "monthly, quarterly, yearly …"),
    ],
}

_KIND_OF_TYPE: dict[type, str] = {
    Citation: "citations", CitedDocument: "cited", Task: "tasks", Deadline: "deadlines", Slogan: "slogans",
    Finding: "findings", Section: "sections", Timeframe: "timeframes",
}
_ALIASES = {"cited_documents": "cited", "citation": "citations", "task": "tasks", "deadline": "deadlines",
            "slogan": "slogans", "finding": "findings", "section": "sections", "timeframe": "timeframes",
            "citeddocument": "cited", "cited_document": "cited"}


def _kind_name(kind: Any) -> str | None:
    if kind is None:
        return None
    if isinstance(kind, type):
        return _KIND_OF_TYPE.get(kind)
    key = str(kind).lower()
    key = _ALIASES.get(key, key)
    if key not in COLUMNS:
        raise ValueError(f"unknown item kind {kind!r}; one of {', '.join(COLUMNS)}")
    return key


def columns_of(kind: Any) -> list[str]:
    """The column names of the frame for ``kind`` ("tasks", ``Task`` …)."""
    name = _kind_name(kind)
    if name is None:
        raise ValueError(f"unknown item kind {kind!r}")
    return [c.name for c in COLUMNS[name]]


def _series(values: list[Any], dtype: str) -> pd.Series:
    import pandas as pd

    if dtype == "datetime":
        return pd.Series(pd.to_datetime(pd.Series(values, dtype=object)), dtype="datetime64[ns]")
    if dtype == "object":
        return pd.Series(values, dtype=object)
    return pd.Series(pd.array(values, dtype=dtype))


def _generic_frame(items: list[Any]) -> pd.DataFrame:
    """Any other dataclass (check results …): its fields as columns, dates as datetime64."""
    import pandas as pd

    fields = [f.name for f in dataclasses.fields(items[0])]
    data: dict[str, pd.Series] = {}
    for name in fields:
        values = [getattr(it, name) for it in items]
        present = [v for v in values if v is not None]
        if present and all(isinstance(v, dt.date) for v in present):
            data[name] = _series(values, "datetime")
        elif present and all(isinstance(v, list | tuple | dict) or dataclasses.is_dataclass(v) for v in present):
            data[name] = _series(values, "object")
        else:
            data[name] = pd.Series(values)
    return pd.DataFrame(data)


def to_frame(items: Iterable[Any] | Any, kind: Any = None) -> pd.DataFrame:
    """A list of items (all of one type) as a DataFrame with the columns of :data:`COLUMNS`.

    ``kind`` ("citations", "cited", "tasks", "deadlines", "slogans", "findings",
    "sections", "timeframes", or the item class) is needed only to give an
    empty list its columns; ``items`` may also be an :class:`~docanalyze.analysis.Analysis`
    together with ``kind``. An empty list without ``kind`` gives an empty frame
    without columns.
    """
    import pandas as pd

    if hasattr(items, "document") and hasattr(items, "header") and kind is not None:
        name = _kind_name(kind)
        items = getattr(items, "cited" if name == "cited" else str(name))
    items = list(items)
    name = _kind_name(kind)
    if items:
        types = {type(it) for it in items}
        if len(types) > 1:
            raise TypeError(f"to_frame needs items of one type, got {sorted(t.__name__ for t in types)}")
        found = _KIND_OF_TYPE.get(types.pop())
        if found is None:
            if dataclasses.is_dataclass(items[0]):
                return _generic_frame(items)
            raise TypeError(f"to_frame does not know {type(items[0]).__name__}")
        name = found
    if name is None:
        return pd.DataFrame()
    data = {}
    for col in COLUMNS[name]:
        get = col.get or _attr(col.name)
        data[col.name] = _series([get(it) for it in items], col.dtype)
    return pd.DataFrame(data, columns=[c.name for c in COLUMNS[name]])


_DTYPE_DOC = {"string": "string", "Int64": "Int64", "boolean": "boolean", "float64": "float64",
              "datetime": "datetime64[ns]", "object": "list"}


def columns_markdown() -> str:
    """The column reference of ``docs/COLUMNS.md``, generated from :data:`COLUMNS` so the two never drift."""
    out = [
        "# DataFrame columns",
        "",
        "`docanalyze.to_frame(items)` and `Analysis.to_frame(what)` turn every result list into a pandas",
        "DataFrame with the columns below, in this order, also when the list is empty",
        "(`docanalyze.to_frame([], \"tasks\")`). Generated from `docanalyze/frames.py` (`COLUMNS`);",
        "`tests/test_frames.py` fails when this file and the code disagree.",
        "",
        "- One row per item, in list order; the index is the item's position, so `doc_id` and",
        "  `mentions` point at rows of the citations / cited frames.",
        "- `start`/`end` are always character offsets into `Document.text` (in the JSON contract a",
        "  task's `start`/`end` are dates; here its dates are `date_start`/`date_end`).",
        "- Dates are `datetime64[ns]` (missing: `NaT`); text is pandas `string`, optional integers",
        "  `Int64`, flags `boolean` (missing: `<NA>`); list columns hold Python lists",
        "  (`df.explode(\"lead\")` gives one row per unit).",
        "- *derived* columns are computed for convenience; the others are the fields of the",
        "  dataclasses in `docanalyze/items.py` under the same names.",
        "",
    ]
    titles = {"citations": "Citation — `analysis.citations`", "cited": "CitedDocument — `analysis.cited`",
              "tasks": "Task — `analysis.tasks`", "deadlines": "Deadline — `analysis.deadlines`",
              "slogans": "Slogan — `analysis.slogans`", "findings": "Finding — `analysis.findings`",
              "sections": "Section — `analysis.sections`", "timeframes": "Timeframe — `extract.timeframes`"}
    for kind, cols in COLUMNS.items():
        out += [f"## {kind}: {titles[kind]}", "", "| column | dtype | meaning |", "|---|---|---|"]
        for c in cols:
            meaning = c.doc.replace("|", "\\|") + (" *(derived)*" if c.derived else "")
            out.append(f"| `{c.name}` | {_DTYPE_DOC[c.dtype]} | {meaning} |")
        out.append("")
    return "\n".join(out)
