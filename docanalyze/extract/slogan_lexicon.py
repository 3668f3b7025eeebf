"""The lexicon of well-known slogans (``data/slogans.toml``) and fuzzy matching against it.

Documents retype slogans by hand, so the same motto comes back with a typo
("tể nhị"), a wrong tone ("hướng dân dân làm"), its parts reordered ("gần dân,
hiểu dân, trọng dân …") or cut short (the first four parts of the six-part
motto). Matching is on a folded key (case, tone placement, punctuation), with
rapidfuzz for whole phrases and part by part for list-shaped mottos; a looser
match is allowed only for a slogan the same document already quotes in full
(a repetition), never for a first mention.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..lexicon import load_toml
from ..normalize import fold, strip_accents

STRICT = 90.0  # whole-phrase similarity (0..100) that identifies a slogan anywhere
PART = 85.0  # similarity of one part of a list-shaped motto to a part of the entry
LOOSE = 75.0  # similarity accepted for a repetition of a slogan the document already quotes
_NON_WORD_RE = re.compile(r"[^\w\u0300-\u036f]+")  # fold() moves tone marks after the word
_PART_SPLIT_RE = re.compile(r"\s*(?:[,;]|\s-\s|\s-|-\s|\bvà\b|\bhoặc\b)\s*")


@dataclass(frozen=True)
class Entry:
    """One well-known slogan."""

    id: str
    canonical: str
    kind: str
    variants: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    group: str | None = None
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()
    keys: tuple[str, ...] = field(default=(), compare=False)
    part_keys: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Match:
    entry: Entry
    score: float  # 0..100
    how: str  # exact | fuzzy | parts | loose


@lru_cache(maxsize=4096)
def key(text: str) -> str:
    """Folded words only: 'Dân biết - Dân bàn.' -> 'dân biết dân bàn' (tones folded)."""
    return " ".join(_NON_WORD_RE.sub(" ", fold(text)).split())


def split_parts(text: str) -> list[str]:
    """The pieces of a list-shaped phrase, as keys ('a, b và c' -> ['a', 'b', 'c'])."""
    return [k for k in (key(p) for p in _PART_SPLIT_RE.split(unicodedata.normalize("NFC", text).lower())) if k]


@cache
def entries() -> tuple[Entry, ...]:
    out = []
    for e in load_toml("slogans.toml")["slogan"]:
        forms = [e["canonical"], *e.get("variants", [])]
        out.append(Entry(
            id=e["id"], canonical=e["canonical"], kind=e["kind"], variants=tuple(e.get("variants", [])),
            parts=tuple(e.get("parts", [])), group=e.get("group"), examples=tuple(e.get("examples", [])),
            not_examples=tuple(e.get("not_examples", [])),
            keys=tuple(dict.fromkeys(key(f) for f in forms)), part_keys=tuple(key(p) for p in e.get("parts", [])),
        ))
    return tuple(out)


@cache
def _by_key() -> dict[str, Entry]:
    return {k: e for e in entries() for k in e.keys}


@cache
def _bare(k: str) -> str:
    """A key without diacritics (cached: lexicon keys are compared again and again)."""
    return strip_accents(k)


def _ratio(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    r = fuzz.ratio(a, b)
    if r < STRICT:  # a missing or wrong diacritic costs less than a wrong letter
        r = max(r, fuzz.ratio(_bare(a), _bare(b)) - 5)
    return r


@cache
def _all_keys() -> tuple[list[str], list[str], list[Entry]]:
    """Every form of every entry, with and without diacritics, for one-call fuzzy search."""
    keys, bare, owners = [], [], []
    for e in entries():
        for k in e.keys:
            keys.append(k)
            bare.append(_bare(k))
            owners.append(e)
    return keys, bare, owners


def _fuzzy(k: str) -> Match | None:
    """The entry whose wording is nearest to ``k``, when at least STRICT alike."""
    from rapidfuzz import fuzz, process

    keys, bare, owners = _all_keys()
    best = process.extractOne(k, keys, scorer=fuzz.ratio, score_cutoff=STRICT)
    hit = (best[1], best[2]) if best else None
    alt = process.extractOne(_bare(k), bare, scorer=fuzz.ratio, score_cutoff=STRICT + 5)
    if alt and (hit is None or alt[1] - 5 > hit[0]):
        hit = (alt[1] - 5, alt[2])
    return Match(owners[hit[1]], hit[0], "fuzzy") if hit else None


def _parts_score(parts: list[str], e: Entry, cut: float = PART) -> float:
    """How much of a list-shaped entry the parts cover, when every part is one of its parts."""
    from rapidfuzz import fuzz

    if len(parts) < 2 or len(e.part_keys) < 3:
        return 0.0
    free = list(range(len(e.part_keys)))
    for p in parts:
        best = max(free, key=lambda i: fuzz.ratio(p, e.part_keys[i]), default=None)
        if best is None or fuzz.ratio(p, e.part_keys[best]) < cut:
            return 0.0
        free.remove(best)
    n = len(e.part_keys) - len(free)
    if n < min(3, len(e.part_keys)) or n / len(e.part_keys) < 0.5:
        return 0.0
    return STRICT + 10.0 * n / len(e.part_keys)


@cache
def _max_len() -> int:
    return max(len(k) for e in entries() for k in e.keys)


def match(text: str) -> Match | None:
    """The entry a phrase is (exact, fuzzy or by its parts), or ``None``."""
    if len(text) > 1.5 * _max_len():  # a quoted sentence of a law, not a slogan retyped
        return None
    k = key(text)
    if not k:
        return None
    hit = _by_key().get(k)
    if hit is not None:
        return Match(hit, 100.0, "exact")
    best = _fuzzy(k)
    parts = split_parts(text)
    if len(parts) >= 2:
        for e in entries():
            ps = _parts_score(parts, e)
            if ps and (best is None or ps > best.score):
                best = Match(e, ps, "parts")
    return best


def match_loose(text: str, allowed: list[Entry]) -> Match | None:
    """A repetition of one of ``allowed`` with a worse typo ("nói dân biết" for "nói dân hiểu").

    Same number of words and at most one word changed, or similarity >= LOOSE.
    """
    if len(text) > 1.5 * _max_len():
        return None
    k = key(text)
    words = k.split()
    best: Match | None = None
    for e in allowed:
        for f in e.keys:
            fw = f.split()
            one_word = len(fw) == len(words) >= 3 and sum(a != b for a, b in zip(fw, words, strict=True)) == 1
            s = _ratio(k, f)
            if (one_word or s >= LOOSE) and (best is None or s > best.score):
                best = Match(e, s, "loose")
        ps = _parts_score(split_parts(text), e, cut=LOOSE)
        if ps and (best is None or ps > best.score):
            best = Match(e, ps, "loose")
    return best
