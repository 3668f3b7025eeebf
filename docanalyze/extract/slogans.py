"""Slogans: mottos, working styles, movements, yearly themes and named models quoted in a document.

A quoted phrase (or an italic run standing for one) is a slogan when the words
right before it say so (phương châm, phong cách, phong trào, mô hình, chủ đề
năm …), or when it is a well-known slogan of the lexicon, or, failing both, when
it has the shape of a chant (short parallel parts). It is not when it is the
title of a cited document (Chỉ thị … về “…”, ban hành “…”, Đề án “…”), the name
of an office (bộ phận “Một cửa”) or a scare quote (“điểm nóng”). A cue right
before the quote wins over a citation further back in the clause ("Chỉ thị số
15-CT/TU … về đẩy mạnh dân chủ theo phương châm “…”" quotes a motto).

Every occurrence is returned; repetitions of a known slogan, even typo'd or cut
short, carry the lexicon's canonical wording so that they count once.
"""
from __future__ import annotations

import re

from ..items import Citation, Header, Slogan
from ..model import Document
from . import slogan_lexicon as lex
from .quotes import Quote, find_quotes
from .slogan_context import (
    Context,
    after_citation,
    after_media_title,
    chant_shaped,
    clause_start,
    names_a_document,
    not_slogan_keys,
    not_slogan_shape,
    read_context,
    shape_kind,
    starts_like_title,
)

_CHAIN_RE = re.compile(r"^[\s,;:]*(?:(?:và|hoặc|hay|cùng|với)\s+)?[\s,;:]*$", re.I)
_AFTER_THEME_RE = re.compile(r"^\s*(?:là|được chọn là|được xác định là)\s+chủ đề\s+(?:của\s+)?năm\b", re.I)
_THEME_COLON_RE = re.compile(
    r"(?<!\w)chủ đề\s+(?:của\s+)?năm\s+\d{4}(?:\s+(?:của|tại)\s+[^\n:;“”.]{1,40}?)?\s*(?::|\s+là\s*:?)\s*"
    r"(?P<t>[A-ZĐÀ-Ỹ][^\n“”]{10,400}?)\s*(?=\.\s|\.?\n|\.?$|;)", re.I)
_MAX_WORDS = 80
_MAX_ITALIC_WORDS = 30
_SAME = 92.0  # two quotes of a non-lexicon phrase this alike are one slogan (a retyped theme)


def _limit(quotes: list[Quote], i: int) -> int:
    """Start of the text that may introduce quote ``i``: after the previous quote, inside an enclosing one."""
    q = quotes[i]
    lim = 0
    for p in quotes[:i]:
        if p.outer_end <= q.outer_start:
            lim = max(lim, p.outer_end)
        elif p.outer_start < q.outer_start and p.outer_end >= q.outer_end:
            lim = max(lim, p.outer_start + 1)
    return lim


def _previous(quotes: list[Quote], i: int) -> int | None:
    q = quotes[i]
    best = None
    for j in range(i):
        if quotes[j].outer_end <= q.outer_start and (best is None or quotes[j].outer_end > quotes[best].outer_end):
            best = j
    return best


def _cited_title(q: Quote, text: str, citations: list[Citation]) -> bool:
    """The quote sits inside a found citation, or right after one (its date, issuer, "về" between)."""
    for c in citations:
        if c.start <= q.outer_start < c.end:
            return True
        if c.end <= q.outer_start and q.outer_start - c.end <= 160 and after_citation(text[c.end : q.outer_start]):
            return True
    return False


def _named(phrase: str, kind: str | None) -> bool:
    """Models and movements carry a name; a short lower-case word after "mô hình" is a scare quote
    ("chuyển đổi mô hình tăng trưởng “truyền thống”")."""
    if kind not in ("model", "movement"):
        return True
    return phrase[:1].isupper() or phrase[:1].isdigit() or len(phrase.split()) > 3


def _strip_cue(phrase: str) -> str:
    """'Phong trào thi đua Dân vận khéo' -> 'Dân vận khéo' (a quote that repeats its own cue)."""
    m = re.match(r"^\s*(?:phong trào(?:\s+thi đua)?|cuộc vận động|phương châm|mô hình|hội thi|cuộc thi|quỹ|"
                 r"phong cách(?:\s+làm việc)?)\s+", phrase, re.I)
    return phrase[m.end() :] if m else phrase


def _match(phrase: str) -> lex.Match | None:
    m = lex.match(phrase)
    if m is None:
        stripped = _strip_cue(phrase)
        if stripped != phrase:
            m = lex.match(stripped)
    return m


def find_slogans(doc: Document, header: Header, citations: list[Citation]) -> list[Slogan]:
    """Every slogan occurrence in ``doc``, in text order."""
    text = doc.text
    quotes = find_quotes(doc)
    contexts: list[Context] = []
    found: list[tuple[Quote, str, lex.Match | None]] = []  # accepted: quote, kind, lexicon match
    pending: list[Quote] = []  # no verdict yet: a loose repetition may still claim it
    for i, q in enumerate(quotes):
        phrase = text[q.start : q.end]
        lim = _limit(quotes, i)
        tail = text[clause_start(text, q.outer_start, lim) : q.outer_start]
        ctx = read_context(tail, text[q.outer_end : q.outer_end + 40])
        if ctx.reason is None:
            j = _previous(quotes, i)
            if j is not None and _CHAIN_RE.match(text[quotes[j].outer_end : q.outer_start]) \
                    and contexts[j].reason in ("cue", "title", "name"):
                ctx = contexts[j]
        if ctx.reason is None and _AFTER_THEME_RE.match(text[q.outer_end : q.outer_end + 40]):
            ctx = Context("cue", "theme")
        if ctx.reason in (None, "weak") and _cited_title(q, text, citations):
            ctx = Context("title")
        if ctx.reason == "title" and after_media_title(tail) and lex.match(phrase) is not None:
            ctx = Context(None)  # chuyên trang “Làm theo lời Bác”: a column named by a known slogan
        contexts.append(ctx)
        if not_slogan_shape(phrase):
            continue
        if len(phrase.split()) > _MAX_WORDS or ctx.reason in ("title", "name"):
            continue
        if not q.quoted and (len(phrase.split()) > _MAX_ITALIC_WORDS or text[q.outer_start - 1 : q.outer_start] == "("
                             or re.search(r"[.:]\s", phrase)):
            continue  # an italic sentence, note or parenthesis, not a phrase standing for a quote
        m = _match(phrase)
        if m is None and names_a_document(phrase):
            contexts[-1] = Context("title")
            continue
        if m is None and (len(phrase) < 60 and lex.key(phrase) in not_slogan_keys() or ctx.reason != "cue" and starts_like_title(phrase)):
            if ctx.reason is None and starts_like_title(phrase):
                contexts[-1] = Context("title")  # a list of titles: “Quy chế …”; “Quy định …”
            continue
        if ctx.reason is None and m is None:
            kind = shape_kind(phrase)  # “Năm Phụ nữ chủ động chuyển đổi số”, “Ngày thứ 7 tình nguyện”
            if kind:
                ctx = Context("cue", kind)
        if ctx.reason == "cue":
            if m is None and not _named(phrase, ctx.kind):
                continue
            found.append((q, m.entry.kind if m else ctx.kind or "motto", m))
        elif m is not None:
            found.append((q, m.entry.kind, m))
        elif not q.quoted:
            continue
        elif ctx.reason == "weak" and chant_shaped(phrase, 2) or chant_shaped(phrase, 3):
            found.append((q, "motto", None))
        else:
            pending.append(q)
    found = _repetitions(text, found, pending)
    slogans = _to_slogans(text, found)
    slogans += _unquoted_themes(doc, slogans)
    slogans.sort(key=lambda s: s.start)
    return slogans


def _repetitions(text: str, found: list[tuple[Quote, str, lex.Match | None]],
                 pending: list[Quote]) -> list[tuple[Quote, str, lex.Match | None]]:
    """Give typo'd repetitions of slogans the document quotes in full their lexicon entry."""
    strict = {m.entry.id for _, _, m in found if m is not None}
    groups = {m.entry.group for _, _, m in found if m is not None and m.entry.group}
    allowed = [e for e in lex.entries() if e.id in strict or (e.group and e.group in groups)]
    if not allowed:
        return found
    out = []
    for q, kind, m in found:
        if m is None and kind != "theme":
            m = lex.match_loose(text[q.start : q.end], allowed)
            if m is not None:
                kind = m.entry.kind
        out.append((q, kind, m))
    for q in pending:
        m = lex.match_loose(text[q.start : q.end], allowed)
        if m is not None:
            out.append((q, m.entry.kind, m))
    out.sort(key=lambda t: t[0].start)
    return out


def _to_slogans(text: str, found: list[tuple[Quote, str, lex.Match | None]]) -> list[Slogan]:
    """Slogan items; non-lexicon phrases retyped alike (a theme quoted twice) share one canonical."""
    from rapidfuzz import fuzz

    seen: list[tuple[str, str]] = []  # (key, canonical) of non-lexicon phrases
    out = []
    for q, kind, m in found:
        phrase = text[q.start : q.end]
        if m is not None:
            canonical, lid, score = m.entry.canonical, m.entry.id, m.score / 100
        else:
            canonical, lid, score = " ".join(phrase.split()), None, 1.0
            k = lex.key(canonical)
            same = next((c for sk, c in seen if fuzz.ratio(k, sk) >= _SAME), None)
            if same is not None:
                canonical = same
            else:
                seen.append((k, canonical))
        out.append(Slogan(text=phrase, start=q.start, end=q.end, kind=kind, canonical=canonical,
                          lexicon_id=lid, score=score))
    return out


def _unquoted_themes(doc: Document, slogans: list[Slogan]) -> list[Slogan]:
    """A yearly theme stated after a colon without quotes: "Chủ đề năm 2024: Tăng tốc …"."""
    out: list[Slogan] = []
    text = doc.text
    if not re.search("chủ đề|Chủ đề|CHỦ ĐỀ", text):
        return out
    for m in _THEME_COLON_RE.finditer(text):
        s, e = m.span("t")
        if any(x.start < e and s < x.end for x in slogans) or not text[s].isupper():
            continue
        out.append(Slogan(text=text[s:e], start=s, end=e, kind="theme", canonical=" ".join(text[s:e].split())))
    return out
