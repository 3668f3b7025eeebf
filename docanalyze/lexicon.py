"""Lexicons shipped as data files in ``docanalyze/data`` (TOML), loaded once and cached."""
from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from .normalize import fold, strip_accents


@cache
def load_toml(name: str) -> dict[str, Any]:
    """Parse ``docanalyze/data/<name>`` (cached)."""
    with resources.files("docanalyze.data").joinpath(name).open("rb") as fh:
        return tomllib.load(fh)


@dataclass(frozen=True)
class DocType:
    name: str
    kind: str
    state_codes: tuple[str, ...]
    party_codes: tuple[str, ...]
    words: tuple[str, ...]
    examples: tuple[str, ...] = field(default=())
    variants: tuple[str, ...] = field(default=())  # "Thông báo kết luận" names a Thông báo
    generic_words: tuple[str, ...] = field(default=())  # "Văn bản": the number's code decides
    named: bool = False  # cited by title: Luật, Bộ luật, Pháp lệnh, Hiến pháp
    issuer: str | None = None  # the only body that issues this type (Luật: Quốc hội)

    def codes(self, system: str) -> tuple[str, ...]:
        return self.state_codes if system == "state" else self.party_codes


@dataclass(frozen=True)
class Issuer:
    code: str
    name: str
    level: str
    certain: bool
    examples: tuple[str, ...] = field(default=())
    aliases: tuple[str, ...] = field(default=())


@cache
def doc_types() -> tuple[DocType, ...]:
    return tuple(
        DocType(t["name"], t.get("kind", "other"), tuple(t.get("state_codes", [])), tuple(t.get("party_codes", [])),
                tuple(t.get("words", [])), tuple(t.get("examples", [])), tuple(t.get("variants", [])),
                tuple(t.get("generic_words", [])), bool(t.get("named", False)), t.get("issuer"))
        for t in load_toml("doc_types.toml")["type"]
    )


@cache
def type_by_name() -> dict[str, DocType]:
    """Folded type name -> DocType ("quyết định" -> Quyết định)."""
    return {fold(t.name): t for t in doc_types()}


@cache
def type_by_code(system: str = "state") -> dict[str, DocType]:
    """Folded code -> DocType, for state numbers (12/QĐ-UBND) or Party numbers (12-QĐ/TU)."""
    out: dict[str, DocType] = {}
    for t in doc_types():
        for code in t.state_codes if system == "state" else t.party_codes:
            out.setdefault(fold(code), t)
    return out


@cache
def issuers() -> tuple[Issuer, ...]:
    return tuple(
        Issuer(i["code"], i["name"], i.get("level", "other"), bool(i.get("certain", False)), tuple(i.get("examples", [])),
               tuple(i.get("aliases", [])))
        for i in load_toml("issuers.toml")["issuer"]
    )


@cache
def issuer_by_code() -> dict[str, Issuer]:
    """Folded issuer code -> Issuer ("sgdđt" -> Sở Giáo dục và Đào tạo)."""
    out: dict[str, Issuer] = {}
    for i in issuers():
        out.setdefault(fold(i.code), i)
    return out


@lru_cache(maxsize=1 << 16)
def fold_cached(text: str) -> str:
    """:func:`~docanalyze.normalize.fold`, memoized: the citation finder folds the same few words over and over."""
    return fold(text)


@lru_cache(maxsize=1 << 16)
def word_key(text: str) -> str:
    """Lenient key for a type word: folded, without tone marks ("Kế hoach" = "Kế hoạch")."""
    return strip_accents(fold(text))


@cache
def type_by_word() -> dict[str, tuple[DocType, bool]]:
    """Every way a type word is written -> (DocType, generic), keyed by :func:`word_key`.

    Names, abbreviations, qualified variants ("Chương trình hành động") and generic words
    ("Văn bản"). Exact folded forms win over forms that only agree without tone marks.
    """
    out: dict[str, tuple[DocType, bool]] = {}
    for t in doc_types():
        for w in (t.name, *t.words, *t.variants):
            out.setdefault(fold(w), (t, False))
        for w in t.generic_words:
            out.setdefault(fold(w), (t, True))
    for key, value in list(out.items()):
        out.setdefault(strip_accents(key), value)
    return out


@cache
def citation_words() -> dict[str, Any]:
    """``data/citation_words.toml``: issuer introducers, stop words, abbreviations, known bodies."""
    return load_toml("citation_words.toml")


@cache
def law_titles() -> tuple[str, ...]:
    """Known titles of laws, codes and ordinances (``data/laws.toml``), as written after "Luật "."""
    return tuple(load_toml("laws.toml")["laws"])


@cache
def issuer_names() -> tuple[str, ...]:
    """Every known name of an issuing body: issuer names, their aliases, and code-less bodies."""
    names = [n for i in issuers() for n in (i.name, *i.aliases)]
    names += citation_words()["issuer"]["bodies"]["names"]
    return tuple(dict.fromkeys(names))


def alternation(words: list[str]) -> str:
    """A regex alternation of lexicon phrases, longest first, any run of spaces matching a space."""
    import re

    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def phrase_index(phrases: list[str] | tuple[str, ...], tokens: Callable[[str], list[str]]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases as folded token tuples, grouped by their first token, longest first (for longest-match scans)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        toks = tuple(fold(t) for t in tokens(phrase))
        if toks:
            out.setdefault(toks[0], []).append(toks)
    for v in out.values():
        v.sort(key=len, reverse=True)
    return out
