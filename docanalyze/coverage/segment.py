"""Word segmentation for the check, done once per text and cached on disk.

Vietnamese writes one syllable per space-separated token, and most words are one
or two syllables ("công tác", "dân vận", "quy chế"). Similarity on syllables
alone confuses "công" in "công tác" with "công" in "công dân"; similarity on
words needs a segmenter. Three are available (the fitted model names the one it
was fitted with, see ``check_model.json``):

- ``dict``: greedy longest match (up to 4 syllables) over underthesea's own
  word list (Viet74K), read straight from the installed package without
  importing underthesea. Several hundred thousand characters a second.
- ``underthesea``: underthesea's CRF ``word_tokenize`` (~60-100k chars/s plus
  ~0.7 s import) — the reference, too slow for the 1 s budget without the cache.
- ``syllable``: no segmentation; words are syllables (features then lean on
  syllable bigrams).

Results are cached under ``$XDG_CACHE_HOME/docanalyze`` keyed by a hash of the
text and the backend, so checking the same documents again costs nothing; an
unwritable cache is silently skipped. ``DOCANALYZE_NO_CACHE=1`` disables it.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CACHE_VERSION = "1"
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
# A syllable: letters/digits; codes such as "GD&ĐT" split at '&' and are re-joined by citations, not here.
_SYL_RE = re.compile(r"\w+")
MAX_WORD = 4
# a dictionary entry worth keeping: 2 to MAX_WORD alphabetic syllables on one line
_ENTRY_RE = re.compile(rf"^[^\W\d_]+(?: [^\W\d_]+){{1,{MAX_WORD - 1}}}$", re.M)


@dataclass(frozen=True)
class Words:
    """Words of one text: folded keys (syllables joined by '_') and their character spans."""

    keys: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.keys)


@cache
def fold_syllable(s: str) -> str:
    """Lower-case one syllable and put its tone mark last, so 'hoà' and 'hòa' are one key."""
    nfd = unicodedata.normalize("NFD", s.casefold())
    if not any(c in _TONES for c in nfd):
        return unicodedata.normalize("NFC", nfd)
    tones = "".join(c for c in nfd if c in _TONES)
    base = "".join(c for c in nfd if c not in _TONES)
    return unicodedata.normalize("NFC", base) + tones


def skeleton(text: str) -> str:
    """The words of ``text``, folded syllable by syllable and joined by single spaces; punctuation dropped.

    The matching key of the check (cue phrases, unit names, quoted phrases,
    document numbers): like ``normalize.fold`` but built from cached syllables,
    which matters when every passage of a 30-page report is folded.
    """
    return " ".join(map(fold_syllable, _SYL_RE.findall(text)))


def fold_words(phrase: str) -> str:
    """The key of a phrase as the segmenters write it: folded syllables joined by '_'."""
    return "_".join(fold_syllable(m.group()) for m in _SYL_RE.finditer(phrase))


# ------------------------------------------------------------------ dictionary
def _underthesea_file(name: str) -> Path | None:
    """A data file of the installed underthesea package, found without importing it (import costs ~0.7 s)."""
    from importlib.util import find_spec

    try:
        spec = find_spec("underthesea")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        for rel in (f"corpus/data/{name}", f"transformer/{name}"):
            p = Path(root) / rel
            if p.is_file():
                return p
    return None


def cache_dir() -> Path | None:
    """Where cached segmentations live, or None when caching is off."""
    if os.environ.get("DOCANALYZE_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "docanalyze"


def _read_cache(name: str) -> object | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / name, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return None


def _write_cache(name: str, data: object) -> None:
    _write_text(name, json.dumps(data, ensure_ascii=False, separators=(",", ":")))  # dumps: the C encoder


@cache
def dictionary() -> frozenset[str]:
    """Multi-syllable words of underthesea's Viet74K list, as folded keys ('công_tác').

    Built once per machine and kept in the cache as plain lines (reading them back costs ~15 ms). The build
    folds each distinct syllable once (a few thousand) rather than each syllable of each entry."""
    path = _underthesea_file("Viet74K.txt")
    if path is None:
        return frozenset()
    stamp = f"{path.stat().st_size}-{int(path.stat().st_mtime)}"
    name = f"dict-{CACHE_VERSION}-{hashlib.sha1(stamp.encode()).hexdigest()[:12]}.txt"
    folder = cache_dir()
    if folder is not None:
        try:
            return frozenset((folder / name).read_text(encoding="utf-8").split("\n"))
        except OSError:
            pass
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    entries = [m.split(" ") for m in _ENTRY_RE.findall(text)]
    folded = {p: fold_syllable(p) for p in {p for parts in entries for p in parts}}
    words = {"_".join([folded[p] for p in parts]) for parts in entries}
    _write_text(name, "\n".join(words))
    return frozenset(words)


def _write_text(name: str, data: str) -> None:
    """Write a cache file through a temporary file and a rename (readers never see half a file)."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{name}.{os.getpid()}.tmp"
        tmp.write_text(data, encoding="utf-8")
        os.replace(tmp, folder / name)
    except OSError:
        pass  # a read-only home or a full disk must not break the check


# ------------------------------------------------------------------ backends
def _syllables(text: str) -> tuple[list[str], list[int], list[int], list[bool]]:
    """Folded syllables, their spans, and whether each one can join the next into a word.

    Two syllables join when both are alphabetic and one plain space separates them.
    """
    spans = [m.span() for m in _SYL_RE.finditer(text)]
    raw = [text[a:b] for a, b in spans]
    keys = [fold_syllable(g) for g in raw]
    starts = [a for a, _b in spans]
    ends = [b for _a, b in spans]
    # joinable: both alphabetic, one plain space apart
    joins = [ends[i] + 1 == starts[i + 1] and text[ends[i]] == " " and raw[i].isalpha() and raw[i + 1].isalpha()
             for i in range(len(keys) - 1)] + [False]
    return keys, starts, ends, joins


def segment_syllable(text: str) -> Words:
    keys, starts, ends = [], [], []
    for m in _SYL_RE.finditer(text):
        keys.append(fold_syllable(m.group()))
        starts.append(m.start())
        ends.append(m.end())
    return Words(tuple(keys), tuple(starts), tuple(ends))


def segment_dict(text: str) -> Words:
    """Greedy longest match over the dictionary; digits and codes stay single tokens."""
    words = dictionary()
    keys, starts, ends, joins = _syllables(text)
    out_k: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    n = len(keys)
    i = 0
    while i < n:
        best = 1
        if joins[i]:
            # how far the run of joinable syllables reaches
            j = i
            while j < n - 1 and j - i < MAX_WORD - 1 and joins[j]:
                j += 1
            for k in range(j - i + 1, 1, -1):
                if "_".join(keys[i : i + k]) in words:
                    best = k
                    break
        out_k.append("_".join(keys[i : i + best]) if best > 1 else keys[i])
        out_s.append(starts[i])
        out_e.append(ends[i + best - 1])
        i += best
    return Words(tuple(out_k), tuple(out_s), tuple(out_e))


def segment_underthesea(text: str) -> Words:
    """underthesea's CRF segmenter, mapped back onto the text's offsets."""
    from underthesea import word_tokenize

    out_k: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    pos = 0
    for line_start, line in _lines(text):
        if not line.strip():
            continue
        for tok in word_tokenize(line):
            sylls = tok.split()
            if not sylls:
                continue
            a = text.find(sylls[0], max(pos, line_start))
            if a < 0:
                continue
            b = a
            for s in sylls:
                k = text.find(s, b)
                if k < 0:
                    break
                b = k + len(s)
            pos = b
            parts = [fold_syllable(m.group()) for m in _SYL_RE.finditer(text[a:b])]
            if parts:
                out_k.append("_".join(parts))
                out_s.append(a)
                out_e.append(b)
    return Words(tuple(out_k), tuple(out_s), tuple(out_e))


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


BACKENDS = {"dict": segment_dict, "underthesea": segment_underthesea, "syllable": segment_syllable}


def segment(text: str, backend: str = "dict", *, use_cache: bool = True) -> Words:
    """The words of ``text`` by ``backend``, from the disk cache when this text was segmented before."""
    fn = BACKENDS[backend]
    if backend == "syllable" or not use_cache:
        return fn(text)
    digest = hashlib.sha256(f"{backend}\0{CACHE_VERSION}\0{text}".encode()).hexdigest()
    name = f"seg-{digest[:32]}.json"
    cached = _read_cache(name)
    if isinstance(cached, dict) and cached.get("n") == len(text):
        try:
            spans = cached["spans"]
            return Words(tuple(cached["keys"]), tuple(spans[0::2]), tuple(spans[1::2]))
        except (KeyError, TypeError):
            pass
    words = fn(text)
    flat = [x for pair in zip(words.starts, words.ends, strict=True) for x in pair]
    _write_cache(name, {"n": len(text), "keys": list(words.keys), "spans": flat})
    return words
