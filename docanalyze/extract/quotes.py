"""Quoted phrases: curly-quote pairs and italic runs that stand for quotes.

Real exports quote unevenly: ``“ Quy chế … ”`` (spaces inside), a stray closing
quote (``xử lý” “điểm nóng”, vụ việc …”``), quotes nested in a quoted title,
italics instead of quotes (Word, Markdown ``*…*``), or both at once
(``“*Dân vận khéo*”``). This module only finds the spans; whether a span is a
slogan is decided in :mod:`docanalyze.extract.slogans`.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..model import Document
from ..normalize import CLOSE_QUOTE, OPEN_QUOTE

# What a quoted phrase may have around it that is not part of it.
_EDGE = " \t\n.,;:!?…*-_'\"“”«»()"
_MAX_CHARS = 600
_QUOTE_CHARS_RE = re.compile("[\u201c\u201d']")
# Single quotes (normalized to "'"), used by some writers instead of double ones or inside them:
# an apostrophe-free run of words between a "'" after a space and a "'" before one.
_SINGLE_RE = re.compile(r"(?<![\w'])'(?=\w)([^'\n\t]{2,200}?)(?<=[\w.)])'(?![\w'])")


@dataclass
class Quote:
    """A candidate phrase: ``text[start:end]`` trimmed; ``outer_*`` include the quote marks."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    quoted: bool  # between quote marks (else an italic run alone)
    italic: bool  # wholly or partly in italics
    nested: bool = False  # inside another quote


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    # keep a closing parenthesis or ellipsis that belongs to the phrase: "(khóa XII)"
    if end < len(text) and text[end] == ")" and "(" in text[start:end]:
        end += 1
    return start, end


def _segments(doc: Document) -> list[tuple[int, int]]:
    """Spans a quote may not leave, around every quote mark: a paragraph, or a table cell.

    Only segments holding a quote mark are returned: nothing else can hold a quote.
    """
    text = doc.text
    table_spans = sorted((b.start, b.end) for b in doc.blocks if b.kind == "table")
    starts = [ts for ts, _ in table_spans]
    out: list[tuple[int, int]] = []
    for m in _QUOTE_CHARS_RE.finditer(text):
        p = m.start()
        if out and p < out[-1][1]:
            continue
        k = bisect.bisect_right(starts, p) - 1
        in_table = k >= 0 and p < table_spans[k][1]
        seps = ("\n", "\t") if in_table else ("\n\n", "\t")
        s = max(text.rfind(sep, 0, p) + len(sep) for sep in seps)
        e = min((x for x in (text.find(sep, p) for sep in seps) if x >= 0), default=len(text))
        out.append((s, e))
    return out


def _closes(text: str, i: int, seg_end: int) -> bool:
    """An opening mark that really closes: ``“ Dân vận khéo “ trong``, ``… Hải Phòng “;``.

    A straight quote with a space before it was made an opening one; when a quote
    is open and this one is followed by a space or punctuation, it ends the open one.
    """
    rest = text[i + 1 : seg_end]
    return not rest or bool(re.match(r"[\s,.;:!?)]", rest))


def _opens(text: str, i: int, seg_end: int) -> bool:
    """A closing mark that really opens: ``phong trào"Dân vận khéo"`` (no space before it)."""
    return i + 1 < seg_end and text[i + 1].isalnum()


def _pair(text: str, seg_start: int, seg_end: int) -> list[tuple[int, int, bool]]:
    """(open, close, nested) pairs of one segment; unmatched marks are dropped."""
    stack: list[int] = []
    pairs: list[tuple[int, int, bool]] = []
    for i in range(seg_start, seg_end):
        ch = text[i]
        if ch == OPEN_QUOTE:
            if stack and _closes(text, i, seg_end):
                o = stack.pop()
                pairs.append((o, i, bool(stack)))
            else:
                stack.append(i)
        elif ch == CLOSE_QUOTE and stack:
            o = stack.pop()
            if i - o <= _MAX_CHARS:
                pairs.append((o, i, bool(stack)))
        elif ch == CLOSE_QUOTE and _opens(text, i, seg_end):
            stack.append(i)
    return pairs


def find_quotes(doc: Document) -> list[Quote]:
    """Every quoted phrase and every italic run that is not already inside one, in text order."""
    text = doc.text
    italics = sorted((m.start, m.end) for m in doc.marks if m.kind == "italic")
    quotes: list[Quote] = []
    for seg_start, seg_end in _segments(doc):
        segment = text[seg_start:seg_end]
        pairs = _pair(text, seg_start, seg_end) if OPEN_QUOTE in segment else []
        doubles = [(o, c) for o, c, _ in pairs]
        if "'" in segment:
            for m in _SINGLE_RE.finditer(segment):
                o, c = seg_start + m.start(), seg_start + m.end() - 1
                pairs.append((o, c, any(a < o and c < b for a, b in doubles)))
        for o, c, nested in pairs:
            s, e = _trim(text, o + 1, c)
            if e - s < 2:
                continue
            italic = any(a < c and b > o + 1 for a, b in italics)
            quotes.append(Quote(s, e, o, c + 1, True, italic, nested))
    spans = [(q.outer_start, q.outer_end) for q in quotes]
    for a, b in _merge_runs(text, italics):
        s, e = _trim(text, a, b)
        if e - s < 2 or OPEN_QUOTE in text[s:e] or CLOSE_QUOTE in text[s:e]:
            continue
        if any(qs < e and s < qe for qs, qe in spans):
            continue
        if "\n\n" in text[s:e] or "\t" in text[s:e]:
            continue
        quotes.append(Quote(s, e, s, e, False, True))
    quotes.sort(key=lambda q: (q.outer_start, -q.outer_end))
    return quotes


def _merge_runs(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join italic runs that only white space separates (Word splits runs at will)."""
    out: list[list[int]] = []
    for a, b in runs:
        if out and (a <= out[-1][1] or not text[out[-1][1] : a].strip(" ")):
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]
