"""Lexicons shipped as data files in ``docanalyze/data`` (TOML), loaded once and cached."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from .normalize import fold


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


@dataclass(frozen=True)
class Issuer:
    code: str
    name: str
    level: str
    certain: bool
    examples: tuple[str, ...] = field(default=())


@cache
def doc_types() -> tuple[DocType, ...]:
    return tuple(
        DocType(t["name"], t.get("kind", "other"), tuple(t.get("state_codes", [])), tuple(t.get("party_codes", [])),
                tuple(t.get("words", [])), tuple(t.get("examples", [])))
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
        Issuer(i["code"], i["name"], i.get("level", "other"), bool(i.get("certain", False)), tuple(i.get("examples", [])))
        for i in load_toml("issuers.toml")["issuer"]
    )


@cache
def issuer_by_code() -> dict[str, Issuer]:
    """Folded issuer code -> Issuer ("sgdđt" -> Sở Giáo dục và Đào tạo)."""
    out: dict[str, Issuer] = {}
    for i in issuers():
        out.setdefault(fold(i.code), i)
    return out
