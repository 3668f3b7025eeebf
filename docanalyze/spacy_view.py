"""A spaCy view of an analysed document, for displaCy and for spaCy-based analysis.

``to_spacy(x)`` returns a :class:`spacy.tokens.Doc` whose text is exactly
``Document.text`` and whose span groups hold what docanalyze found:

========== ==================================================== ===================================
key        one span per                                          label
========== ==================================================== ===================================
citations  mention of a cited document                           its type ("Quyết định", "Luật" …)
deadlines  time bound on work to be done                         "deadline (<kind>)"
slogans    motto, working style, movement, theme, named model    its kind ("motto", "movement" …)
tasks      planned task                                          its first lead unit, else "task"
header     header field (number, date, title … when known)       the field name
sc         all of citations, deadlines, slogans and tasks        as above (displaCy's default key)
========== ==================================================== ===================================

Each span's ``kb_id_`` carries a key back to the item: a citation's number (or
law name), a deadline's last day (ISO), a slogan's canonical form, a task's id.

Why not spaCy's own Vietnamese tokenizer: it either needs pyvi (a word
segmenter we do not want to load for a view) or splits on white space only,
which glues punctuation and quotes to syllables so item boundaries fall
inside tokens. Here tokens are syllables (numbers and codes such as 1483/QĐ-SGDĐT
stay whole) and punctuation marks, and every
item boundary is also a token boundary, so every span's text is exactly
``text[start:end]`` of its item.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from .analysis import Analysis

__all__ = ["to_spacy", "blank_vi", "SyllableTokenizer", "displacy_options", "GROUPS", "render"]

# A syllable, or a number/code/date written without spaces ("1483/QĐ-SGDĐT", "24/01/2024") as one token
# (displaCy prints tokens with spaces between them); any other mark of punctuation alone.
TOKEN_RE = re.compile(r"\w+(?:[/.\-]\w+)*|[^\w\s]")
GROUPS = ("citations", "deadlines", "slogans", "tasks")
# One hue per group; labels inside a group share it (displaCy colours by label).
GROUP_COLORS = {"citations": "#ffd966", "deadlines": "#f4a6a6", "slogans": "#a8e6a3", "tasks": "#a8c8f0",
                "header": "#d9c2f0"}


def _tokens(text: str, cuts: Iterable[int] = ()) -> list[tuple[int, int]]:
    """Syllable and punctuation tokens as (start, end), split again at every offset in ``cuts``."""
    cut_set = sorted(set(cuts))
    out: list[tuple[int, int]] = []
    import bisect

    for m in TOKEN_RE.finditer(text):
        s, e = m.span()
        i = bisect.bisect_right(cut_set, s)
        while i < len(cut_set) and cut_set[i] < e:
            out.append((s, cut_set[i]))
            s = cut_set[i]
            i += 1
        out.append((s, e))
    return out


def _make_doc(vocab: Vocab, text: str, cuts: Iterable[int] = ()) -> Doc:
    from spacy.tokens import Doc
    from spacy.util import get_words_and_spaces

    words = [text[s:e] for s, e in _tokens(text, cuts)]
    if not words:
        return Doc(vocab, words=[text] if text else [], spaces=[False] if text else [])
    words, spaces = get_words_and_spaces(words, text)
    return Doc(vocab, words=words, spaces=spaces)


class SyllableTokenizer:
    """Tokens are Vietnamese syllables and single punctuation marks; white space is kept exactly."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return _make_doc(self.vocab, text)


@cache
def blank_vi() -> Language:
    """A blank Vietnamese pipeline (no model, no download, no pyvi) with the syllable tokenizer."""
    import spacy

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = SyllableTokenizer(nlp.vocab)
    return nlp


def _as_analysis(source: Any) -> Analysis:
    from .analysis import Analysis, analyze

    if isinstance(source, Analysis):
        return source
    if isinstance(source, str | os.PathLike) or hasattr(source, "blocks"):
        return analyze(source)
    raise TypeError(f"to_spacy needs an Analysis, a Document or a path, not {type(source).__name__}")


def _entries(a: Analysis) -> dict[str, list[tuple[int, int, str, str]]]:
    """(start, end, label, kb_id) per span group."""
    groups: dict[str, list[tuple[int, int, str, str]]] = {
        "citations": [(c.start, c.end, c.type or "citation", c.number or c.name or "") for c in a.citations],
        "deadlines": [(d.start, d.end, f"deadline ({d.kind})",
                       d.date_end.isoformat() if d.date_end else "") for d in a.deadlines],
        "slogans": [(s.start, s.end, s.kind, s.canonical or s.text) for s in a.slogans],
        "tasks": [(t.start, t.end, t.lead[0] if t.lead else "task", t.id) for t in a.tasks],
        "header": [(s, e, name, "") for name, (s, e) in a.header.spans.items()],
    }
    return groups


def _trim(text: str, entry: tuple[int, int, str, str]) -> tuple[int, int, str, str] | None:
    """Drop white space at the edges of an item: a spaCy span cannot end in a token's trailing space."""
    s, e, label, kb = entry
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e, label, kb) if s < e else None


def to_spacy(source: Any) -> Doc:
    """A spaCy Doc of the document with span groups for citations, deadlines, slogans, tasks (see module doc).

    ``source`` is an :class:`~docanalyze.analysis.Analysis` (nothing recomputed),
    a :class:`~docanalyze.model.Document` or a path (analysed first). Items whose
    offsets do not fit the text are left out and counted in
    ``doc.user_data["docanalyze_skipped"]``.
    """
    from spacy.tokens import Span

    a = _as_analysis(source)
    text = a.document.text
    # An item with white space at an edge keeps its span without it.
    n = len(text)
    groups = _entries(a)
    valid = {k: [t for t in (_trim(text, x) for x in v if 0 <= x[0] < x[1] <= n) if t] for k, v in groups.items()}
    cuts = [o for v in valid.values() for s, e, _, _ in v for o in (s, e)]
    doc = _make_doc(blank_vi().vocab, text, cuts)
    if doc.text != text:  # pragma: no cover - guarded by tests
        raise AssertionError("spaCy Doc text differs from Document.text")
    skipped = sum(len(v) - len(valid[k]) for k, v in groups.items())
    all_spans: list[Span] = []
    for key, entries in valid.items():
        spans = []
        for s, e, label, kb in entries:
            span = doc.char_span(s, e, label=label, kb_id=kb, alignment_mode="expand")
            if span is None or span.text != text[s:e]:
                skipped += 1
                continue
            spans.append(span)
        doc.spans[key] = spans
        if key in GROUPS:
            all_spans.extend(spans)
    doc.spans["sc"] = sorted(all_spans, key=lambda sp: (sp.start_char, -sp.end_char))
    doc.user_data["docanalyze_source"] = a.document.source
    doc.user_data["docanalyze_skipped"] = skipped
    doc.user_data["docanalyze_title"] = a.header.title
    return doc


def displacy_options(doc: Doc, key: str = "sc") -> dict[str, Any]:
    """Options for ``displacy.render(doc, style="span", options=…)``: the key and one colour per group."""
    colors: dict[str, str] = {}
    for group in (*GROUPS, "header"):
        if group in doc.spans:
            for span in doc.spans[group]:
                colors.setdefault(span.label_, GROUP_COLORS[group])
    return {"spans_key": key, "colors": colors}


def render(doc: Doc, key: str = "sc", *, start: int = 0, end: int | None = None, jupyter: bool | None = None) -> Any:
    """displaCy span view of ``doc`` (or of the characters ``start:end``), coloured by group.

    A whole plan is long; ``start``/``end`` cut out a passage (spans cut by the
    window are dropped) so a notebook can show one section.
    """
    from spacy import displacy

    view = doc
    if start or end is not None:
        window = doc.char_span(start, len(doc.text) if end is None else end, alignment_mode="expand")
        if window is not None:
            view = window.as_doc()
            offset = window.start_char
            for k in doc.spans:
                inside = (view.char_span(sp.start_char - offset, sp.end_char - offset, label=sp.label_,
                                         kb_id=sp.kb_id_)
                          for sp in doc.spans[k] if sp.start_char >= offset and sp.end_char <= window.end_char)
                view.spans[k] = [sp for sp in inside if sp is not None]
    return displacy.render(view, style="span", options=displacy_options(doc, key), jupyter=jupyter)
