"""One place for text normalization.

Every reader passes each piece of text it finds through :func:`normalize_text`
before it becomes part of a :class:`~docanalyze.model.Document`, so all
offsets downstream refer to the normalized text. :func:`fold` builds the
matching key used to compare phrases (case, tone placement, dashes, quotes).
"""
from __future__ import annotations

import re
import unicodedata

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DASH_TABLE = dict.fromkeys(map(ord, DASHES), "-")

# Characters that carry no text: zero-width spaces and joiners, BOM, soft hyphen.
_INVISIBLE_TABLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Every kind of horizontal space becomes a plain space.
_SPACE_TABLE = dict.fromkeys(
    map(ord, "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"),
    " ",
)
# Look-alikes of Vietnamese Đ/đ (Icelandic eth) that some fonts and OCR produce.
_ETH_TABLE = {0x00D0: "\u0110", 0x00F0: "\u0111", 0x0189: "\u0110"}

# Cyrillic letters that look like Latin ones; they turn up inside document codes
# ("ВСТ-ВТC") when text is copied from some PDF producers.
CYRILLIC_LOOKALIKES = {
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "і": "i",
    "ј": "j", "ѕ": "s", "һ": "h", "ԁ": "d",
}
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
_CYR_TABLE = {ord(k): v for k, v in CYRILLIC_LOOKALIKES.items()}
_TOKEN_RE = re.compile(r"\S+")
_LATIN_OR_CODE_RE = re.compile(r"[A-Za-z0-9/\-\u00c0-\u024f\u1e00-\u1eff]")

_ONE_TABLE = {**_INVISIBLE_TABLE, **_SPACE_TABLE, **_DASH_TABLE, **_ETH_TABLE}
_SPECIAL_RE = re.compile("[" + re.escape("".join(chr(k) for k in _ONE_TABLE)) + "]")

OPEN_QUOTE, CLOSE_QUOTE = "\u201c", "\u201d"
_QUOTE_OPENERS = "\u201c\u201e\u00ab\u201f\u2033"
_QUOTE_CLOSERS = "\u201d\u00bb"
_HSPACE_RUN = re.compile(r"[ \t\f\v]+")
_HSPACE_NO_TAB_RUN = re.compile(r"[ \f\v]+")

TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_WORD_RE = re.compile(r"\w+")
_FOLD_QUOTES = dict.fromkeys(map(ord, "\"'\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb*"), None)
_FOLD_TABLE = {**_DASH_TABLE, **_FOLD_QUOTES, **_ETH_TABLE}


def fix_cyrillic(text: str) -> str:
    """Replace Cyrillic look-alike letters inside tokens that are otherwise Latin or code-like.

    A token made only of Cyrillic letters is left alone (it may be real Russian);
    one that mixes them with Latin letters, digits, '/' or '-' is a document code.
    """
    if not _CYRILLIC_RE.search(text):
        return text

    def fix(m: re.Match[str]) -> str:
        tok = m.group()
        if not _CYRILLIC_RE.search(tok):
            return tok
        stripped = _CYRILLIC_RE.sub("", tok)
        if _LATIN_OR_CODE_RE.search(stripped) or all(c in CYRILLIC_LOOKALIKES for c in tok if c.isalpha()):
            return tok.translate(_CYR_TABLE)
        return tok

    return _TOKEN_RE.sub(fix, text)


_OPENERS_RE = re.compile(f"[{_QUOTE_OPENERS}]")
_CLOSERS_RE = re.compile(f"[{_QUOTE_CLOSERS}]")
_STRAIGHT_OPEN_RE = re.compile(r'(?:^|(?<=[\s(\[{:;,\-–/]))"')


def _direct_quotes(text: str) -> str:
    """Make every double quote a curly one; a straight quote opens after space or punctuation, else closes."""
    text = _CLOSERS_RE.sub(CLOSE_QUOTE, _OPENERS_RE.sub(OPEN_QUOTE, text))
    if '"' in text:
        text = _STRAIGHT_OPEN_RE.sub(OPEN_QUOTE, text).replace('"', CLOSE_QUOTE)
    return text


def normalize_text(text: str, *, keep_tabs: bool = False, keep_newlines: bool = True, strip_lines: bool = True) -> str:
    """Normalize one piece of document text.

    NFC; one dash ('-'); curly double quotes; Vietnamese Đ for its look-alikes;
    Cyrillic look-alikes inside codes; no invisible characters; runs of
    horizontal space collapsed to one; lines stripped of trailing spaces.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    if _SPECIAL_RE.search(text):  # most runs hold none of these: skip the (slow, per-character) translate
        text = text.translate(_ONE_TABLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = fix_cyrillic(text)
    if '"' in text or any(q in text for q in _QUOTE_OPENERS + _QUOTE_CLOSERS):
        text = _direct_quotes(text)
    text = text.replace("\u2018", "'").replace("\u2019", "'").replace("\u2032", "'")
    text = (_HSPACE_NO_TAB_RUN if keep_tabs else _HSPACE_RUN).sub(" ", text)
    if keep_newlines:
        if strip_lines:
            text = "\n".join(line.strip(" ") for line in text.split("\n"))
        elif "\n" in text:
            text = text.replace(" \n", "\n").replace("\n ", "\n")
    else:
        text = " ".join(text.split("\n"))
    return text


def _fold_tone(word: str) -> str:
    nfd = unicodedata.normalize("NFD", word)
    tones = "".join(c for c in nfd if c in TONE_MARKS)
    base = "".join(c for c in nfd if c not in TONE_MARKS)
    return unicodedata.normalize("NFC", base) + tones


def fold(text: str | None) -> str:
    """Matching key: case-folded, tone placement folded (hoà = hòa), dashes and quotes unified, spaces collapsed."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).translate(_FOLD_TABLE)
    text = text.casefold()
    text = _WORD_RE.sub(lambda m: _fold_tone(m.group()), text)
    return " ".join(text.split())


def strip_accents(text: str) -> str:
    """ASCII skeleton of Vietnamese text ('Đăng ký' -> 'Dang ky'), for lenient matching."""
    nfd = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in nfd if unicodedata.category(c) != "Mn")
