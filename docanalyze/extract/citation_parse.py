"""What stands around a citation's number: the type word before it, the date, issuer and subject after it.

Each function reads a bounded window of ``Document.text`` and returns offsets into it, so
the finder stays linear and every span points into the text.
"""
from __future__ import annotations

import re
from functools import cache

from ..items import Citation
from ..lexicon import DocType, citation_words, doc_types, issuer_names, phrase_index, type_by_word, word_key
from ..lexicon import fold_cached as fold
from .citation_patterns import (
    NAME_CHUNK_RE,
    ROMAN_RE,
    SO_TAIL_RE,
    SUBJECT_PLAIN_RE,
    SUBJECT_RE,
    TAIL_DATE_RE,
    TAIL_ISSUER_RE,
    TAIL_TERM_RE,
    WORD_RE,
    date_parts,
    make_date,
)

LOOKBACK = 80  # characters searched for a type word before a number
_PLENUM_RE = re.compile(
    r"Hội[ \n]nghị(?:[ \n]lần[ \n]thứ[ \n][^\s,;]+|(?P<tw>[ \n]Trung[ \n]ương(?:[ \n]Đảng)?(?:[ \n]lần[ \n]thứ)?"
    r"(?:[ \n][0-9IVX]+)?))?[ \n]?")
_HEAD_AT_RE = re.compile(r"(?:Ban|Bộ|Ủy|Uỷ|Đảng|Tỉnh|Thành|Huyện|Quận|Hội[ \n]đồng)[ \n]")
_PUNCT_RE = re.compile(r"[,;:()“”\"\t]")
_ISSUED_RE = re.compile(r"[ \n]*(?:đã[ \n]|vừa[ \n])?(?:ban hành|ký|phê duyệt|công bố|thông qua)(?![^\W\d_])")
_KHOA = fold("khóa")
_NOT_FIRST = frozenset(fold(w) for w in ("các", "những", "mình", "này", "đó", "ông", "bà"))


def type_before(text: str, pos: int) -> tuple[DocType, bool, int, bool] | None:
    """The type word that ends right before ``pos`` (a "số" may stand between).

    Returns (type, generic, start offset of the word, whether "số" was there). Words are tried
    longest first ("Chương trình hành động", then "Chương trình") and without tone marks when
    the exact form is unknown ("Kế hoach" is a typo of "Kế hoạch"). Never crosses a table cell
    or a blank line.
    """
    lo = max(0, pos - LOOKBACK)
    window = text[lo:pos]
    cut = max(window.rfind("\t"), window.rfind("\n\n"))
    if cut >= 0:
        window = window[cut + 1 :]
        lo = pos - len(window)
    m = SO_TAIL_RE.search(window)
    has_so = m is not None
    end = m.start() if m else len(window.rstrip(" \n"))
    if end <= 0:
        return None
    # the last words before the number, joined by single spaces (a type phrase never spans more)
    seg = window[max(0, end - 70) : end].replace("\n", " ")
    base = lo + end - len(seg)
    toks = seg.split(" ")
    run: list[tuple[int, str]] = []  # (offset, word), last word last
    off = len(seg)
    for tok in reversed(toks):
        off -= len(tok)
        if not tok or len(run) >= 6:
            break
        cut = _last_punct(tok)
        if cut >= 0:  # "(Nghị định số …": the word after an opening bracket still counts
            if cut + 1 < len(tok):
                run.insert(0, (base + off + cut + 1, tok[cut + 1 :]))
            break
        run.insert(0, (base + off, tok))
        off -= 1
    if not run:
        return None
    index = type_by_word()
    last_known = word_key(run[-1][1]) in _last_words()
    if last_known:
        for k in range(min(len(run), 4), 0, -1):
            phrase = " ".join(w for _, w in run[-k:])
            hit = index.get(fold(phrase)) or index.get(word_key(phrase))
            if hit is not None:
                return hit[0], hit[1], run[-k][0], has_so
    if has_so and len(run) >= 2:
        # a type word and a few lower-case words that qualify it: "Thông báo làm việc số 2948/…"
        for j in range(len(run) - 2, -1, -1):
            tail = run[j + 1 :]
            if len(tail) > 3 or not all(w[:1].islower() for _, w in tail):
                break
            for n in (2, 1):
                if j - n + 1 < 0:
                    continue
                phrase = " ".join(w for _, w in run[j - n + 1 : j + 1])
                hit = index.get(fold(phrase))
                if hit is not None and phrase[:1].isupper() and not hit[1]:
                    return hit[0], hit[1], run[j - n + 1][0], has_so
    return None


def _last_punct(tok: str) -> int:
    if _PUNCT_RE.search(tok) is None:
        return -1
    return max(tok.rfind(ch) for ch in ",;:()“”\"\t")


@cache
def _last_words() -> frozenset[str]:
    """The last word of every type phrase (lenient key): a quick test before trying phrases."""
    return frozenset(word_key(k.split()[-1]) for k in type_by_word())


def date_after(text: str, pos: int) -> tuple[re.Match[str], int, int, int] | None:
    """"ngày 29/10/2022" right at ``pos``: (match, year, month, day)."""
    m = TAIL_DATE_RE.match(text, pos)
    if m is None:
        return None
    y, mo, d = date_parts(m)
    return m, y, mo, d


@cache
def _known_names() -> dict[str, list[tuple[str, ...]]]:
    """Known issuer names as folded word tuples, by first word, longest first."""
    return phrase_index(issuer_names(), WORD_RE.findall)


@cache
def _stops() -> tuple[dict[str, int], dict[str, int]]:
    """Stop phrases (case-sensitive, lower-case) and capitalized stops -> their length in words."""
    words = citation_words()["issuer"]
    lower = {s: len(s.split()) for s in words["stops"]}
    upper = {s: len(s.split()) for s in words["stops_any_case"]}
    for t in doc_types():  # a type word after a name opens the next clause ("của Chính phủ NĐ sửa đổi")
        for w in (t.name, *t.words):
            upper.setdefault(w, len(w.split()))
            upper.setdefault(w.upper(), len(w.split()))
    return lower, upper


@cache
def _continuations() -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    words = citation_words()["issuer"]
    cont = frozenset(fold(w) for w in words["continuations"])
    desc = frozenset(tuple(fold(t) for t in WORD_RE.findall(n)) for n in words["descriptive"])
    return cont, desc


@cache
def _heads() -> frozenset[str]:
    return frozenset(fold(h) for h in citation_words()["issuer"]["heads"])


@cache
def _expand() -> dict[str, str]:
    return dict(citation_words()["issuer"]["expand"])


def _starts_body(words: list[str], i: int) -> bool:
    """Does a body's name start at words[i] ("Bộ …", "Ủy ban …", "UBND …")?"""
    heads = _heads()
    one = fold(words[i])
    two = fold(" ".join(words[i : i + 2]))
    return (one in heads or two in heads) and words[i][:1].isupper()


def issuer_after(text: str, pos: int) -> tuple[str, int, int] | None:
    """The body named by "của …"/"do …" at ``pos``: (display name, start, end)."""
    m = TAIL_ISSUER_RE.match(text, pos)
    if m is None:
        return None
    start = m.end()
    plenum = _PLENUM_RE.match(text, start)
    if plenum is not None:
        # "của Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng": the body that met issues it;
        # "của Hội nghị Trung ương 6 khóa XII" is a plenum of the Central Committee
        body = _name_at(text, plenum.end(), "của") if _HEAD_AT_RE.match(text, plenum.end()) else None
        if body is not None:
            return body[0], start, body[2]
        if plenum.group("tw"):
            end = plenum.end()
            term = term_after(text, end)
            return "Ban Chấp hành Trung ương Đảng", start, (term or end)
        return None
    return _name_at(text, start, m.group("intro"))


def _name_at(text: str, start: int, intro: str) -> tuple[str, int, int] | None:
    """The body's name that starts at ``start``, up to where the clause after it begins."""
    chunk_m = NAME_CHUNK_RE.match(text, start)
    if chunk_m is None:
        return None
    chunk = chunk_m.group()
    toks = list(re.finditer(r"\S+", chunk))
    words = [t.group() for t in toks]
    if not words:
        return None
    lower, upper = _stops()
    known = _known_names()
    cont, descriptive = _continuations()
    i = 0
    strict = False
    while i < len(words) and i < 24:
        # a known name is taken whole ("Bộ Giáo dục và Đào tạo", "Ban Dân vận Tỉnh ủy")
        cands = known.get(fold(words[i]))
        if cands:
            folded = [fold(w) for w in words[i : i + 12]]
            hit = next((c for c in cands if tuple(folded[: len(c)]) == c), None)
            if hit is not None and (i == 0 or words[i][:1].isupper()):
                i += len(hit)
                strict = hit not in descriptive
                continue
        if strict and i > 0:
            # after a known name: a place ("tỉnh Lào Cai"), a capitalized word, "-" or "và <body>"
            w = words[i]
            if not (w[:1].isupper() or w == "-" or fold(w) in cont or (w == "và" and i + 1 < len(words)
                                                                       and _starts_body(words, i + 1))):
                break
        if i > 0:
            stop = False
            for n in (3, 2, 1):
                phrase = " ".join(words[i : i + n])
                if lower.get(phrase) == n or upper.get(phrase) == n:
                    stop = True
                    break
            if stop:
                break
            w = words[i]
            if w == "và":
                nxt = i + 1 < len(words) and _starts_body(words, i + 1)
                if not nxt:
                    break
            elif fold(w) == _KHOA and i + 1 < len(words) and ROMAN_RE.match(words[i + 1]):
                break
            elif re.fullmatch(r"[0-9]+", w):
                break
        i += 1
    if i == 0:
        return None
    end_tok = toks[i - 1]
    raw = chunk[: end_tok.end()]
    raw = raw.rstrip(" -\n")
    name_words = raw.split()
    if not name_words:
        return None
    first = fold(name_words[0])
    if not (name_words[0][:1].isupper() or first in _heads() or fold(" ".join(name_words[:2])) in _heads()):
        return None
    if first in _NOT_FIRST:
        return None
    if intro == "do" and not _ISSUED_RE.match(text, start + len(raw)):
        return None  # "do X thực hiện" names who acts, not who issued; "do X ban hành" does
    return display_issuer(raw), start, start + len(raw)


def display_issuer(raw: str) -> str:
    """One way to write a body: abbreviations expanded, first letter capital, spaces collapsed.

    "UBND thành phố" -> "Ủy ban nhân dân thành phố"; "ủy ban Thường vụ Quốc hội" -> "Ủy ban …".
    """
    expand = _expand()
    out = []
    for w in raw.split():
        core = w.strip(",;")
        out.append(expand.get(core, w) if core in expand else w)
    name = " ".join(out)
    name = re.sub(r"\b[Uu]ỷ\b", lambda m: "Ủy" if m.group()[0] == "U" else "ủy", name)
    return name[:1].upper() + name[1:]


def subject_after(text: str, pos: int) -> tuple[str, int] | None:
    """The subject given right after a citation: "về việc …", "về …", a quoted title, "ban hành …"."""
    m = SUBJECT_RE.match(text, pos)
    if m is None:
        return None
    if m.group("q"):
        return m.group("q").strip(), m.end()
    if m.group("verb"):
        s = _clip(m.group("verb"))
        return s, m.start("verb") + len(s)
    if m.group("intro"):
        rest = SUBJECT_PLAIN_RE.match(text, m.end())
        if rest:
            s = _clip(rest.group())
            if s:
                return s, m.end() + len(s)
    return None


def _clip(s: str) -> str:
    """A subject ends at a sentence end or where the next citation's "Quyết định số …" begins."""
    cut = re.search(r"\.(?:\s|$)|,\s*(?:theo|căn cứ|thực hiện)\s", s)
    if cut:
        s = s[: cut.start()]
    return s.strip(" ,.")


def term_after(text: str, pos: int) -> int | None:
    """End of a "(khóa VIII)" term that follows an issuer, if any."""
    m = TAIL_TERM_RE.match(text, pos)
    return m.end() if m else None


def date_is_valid(y: int, mo: int, d: int) -> bool:
    return make_date(y, mo, d) is not None


def read_tail(text: str, c: Citation) -> None:
    """Read date, issuer (in either order), a "(khóa …)" term and the subject after the number."""
    pos = c.end
    for _ in range(4):
        if c.date_text is None:
            d = date_after(text, pos)
            if d is not None:
                m, y, mo, day = d
                c.date = make_date(y, mo, day)
                c.date_valid = c.date is not None
                c.date_text = re.sub(r"\s+", " ", text[m.start("d") if m.group("d") else m.start("d2") : m.end()])
                pos = m.end()
                continue
        if c.issuer is None:
            iss = issuer_after(text, pos)
            if iss is not None:
                c.issuer, c.issuer_source = iss[0], "text"
                pos = iss[2]
                term = term_after(text, pos)
                if term is not None:
                    pos = term
                continue
        break
    c.end = pos
    c.text = text[c.start : c.end]
    subj = subject_after(text, pos)
    if subj is not None:
        c.subject = subj[0]
    c.short = c.date_text is None and c.issuer is None
