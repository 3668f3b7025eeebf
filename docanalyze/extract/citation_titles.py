"""Documents cited by their title: laws, codes, ordinances and the Constitution.

"Luật Tiếp công dân", "Luật Thực hiện dân chủ ở cơ sở năm 2022", "Luật Hóa chất số
69/2025/QH15", "Bộ luật Lao động", "Hiến pháp năm 2013". A title runs from the capitalized
word after "Luật" to a stop word or punctuation; known titles (``data/laws.toml``) may hold
"và" or a comma ("Luật Tiêu chuẩn và quy chuẩn kỹ thuật", "Luật Phòng, chống ma túy").
"Luật này", "Luật sư", "pháp luật", "luật pháp" are not citations.
"""
from __future__ import annotations

import re
from functools import cache

from ..items import Citation
from ..lexicon import citation_words, law_titles, phrase_index, type_by_word, word_key
from ..lexicon import fold_cached as fold
from .citation_parse import read_tail
from .citation_patterns import LETTERS, NUMBER, TAIL_YEAR_RE, compact, number_key

_TOKEN_RE = re.compile(r"[^\s,;:.()“”\"]+")
_NUMBER_AFTER_RE = re.compile(r"[ \n](?:(?:số|Số)[ \n]?:?[ \n]?)?" + NUMBER.replace("(?P<", "(?P<x_"))
_COUNTRY_RE = re.compile(r"[ \n]nước[ \n]Cộng[ \n]h[oò]a[ \n]xã[ \n]hội[ \n]chủ[ \n]nghĩa[ \n]Việt[ \n]Nam", re.I)


@cache
def _known() -> dict[str, list[tuple[str, ...]]]:
    """Known titles as folded word tuples (commas dropped), by first word, longest first."""
    return phrase_index(law_titles(), _TOKEN_RE.findall)


@cache
def _words() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    law = citation_words()["law"]
    return frozenset(law["not_titles"]), frozenset(law["stops"]), tuple(law["amending"])


def _kind(word: str) -> str:
    w = " ".join(word.lower().split())
    if w.startswith("bộ"):
        return "Bộ luật"
    if w.startswith("pháp"):
        return "Pháp lệnh"
    if w.startswith("hiến"):
        return "Hiến pháp"
    return "Luật"


def _tokens(text: str, pos: int, limit: int = 16) -> list[re.Match[str]]:
    """The words from ``pos`` on, joined by single spaces or ", " (a title never spans more)."""
    out: list[re.Match[str]] = []
    i = pos
    while len(out) < limit:
        m = _TOKEN_RE.match(text, i)
        if m is None:
            break
        out.append(m)
        j = m.end()
        if text.startswith(", ", j):
            j += 2
        elif j < len(text) and text[j] in " \n":
            j += 1
        else:
            break
        i = j
    return out


def _title_end(text: str, pos: int, lowercase_luat: bool) -> int | None:
    """Where the title that starts at ``pos`` ends, or None when no title starts there."""
    toks = _tokens(text, pos)
    if not toks:
        return None
    not_titles, stops, _ = _words()
    first = toks[0].group()
    folded = [fold(t.group()) for t in toks]
    for cand in _known().get(folded[0], ()):
        if tuple(folded[: len(cand)]) == cand:
            last = toks[len(cand) - 1]
            # a comma is part of a known title only where the title has one or the text drops it
            return last.end()
    if not first[:1].isupper() or first.lower() in not_titles or fold(first) in not_titles:
        return None
    if lowercase_luat and len(first) < 2:
        return None
    end = toks[0].end()
    for k, t in enumerate(toks[1:], start=1):
        w = t.group()
        if text[toks[k - 1].end() : t.start()] != " ":
            break
        if w in stops or w[:1].isdigit() or k >= 10:
            break
        two = " ".join(x.group() for x in toks[k : k + 2])
        if w[:1].isupper() and (type_by_word().get(fold(two)) or type_by_word().get(word_key(w))):
            break
        end = t.end()
    return end


def named_citation(text: str, start: int, word: str) -> Citation | None:
    """The citation a title word at ``start`` opens, or None ("Luật này", "luật pháp")."""
    kind = _kind(word)
    pos = start + len(word) + 1
    if kind == "Hiến pháp":
        end = start + len(word)
        m = _COUNTRY_RE.match(text, end)
        if m:
            end = m.end()
    else:
        if kind == "Luật" and word == "luật" and not text[pos : pos + 1].isupper():
            return None
        _, _, amending = _words()
        head = text[pos : pos + 60]
        amend = next((a for a in amending if head.startswith(a + " ")), None)
        if amend is not None:
            inner = pos + len(amend) + 1
            nxt = re.match(r"(?:các[ \n])?(?:Bộ[ \n][Ll]uật|Luật|luật|Pháp[ \n]lệnh)[ \n]", text[inner : inner + 20])
            if nxt is None:
                return None
            t_end = _title_end(text, inner + nxt.end(), False)
            if t_end is None:
                return None
            end = t_end
        else:
            t_end = _title_end(text, pos, word == "luật")
            if t_end is None:
                return None
            end = t_end
    y = TAIL_YEAR_RE.match(text, end)
    if y:
        end = y.end()
    name = re.sub(r"\s+", " ", text[start:end])
    number = None
    nm = _NUMBER_AFTER_RE.match(text, end)
    if nm and _letter_free(text, nm.end()):
        number = compact(text[nm.start("x_n") : nm.end()])
        end = nm.end()
    c = Citation(text="", start=start, end=end, type=kind, number=number, name=name, system="state")
    read_tail(text, c)
    if kind == "Hiến pháp" and not y and c.date is None and " nước " not in name:
        return None  # "trái với Hiến pháp": the Constitution in general, not a cited text
    return c


def _letter_free(text: str, pos: int) -> bool:
    return pos >= len(text) or not re.match(f"[{LETTERS}0-9]", text[pos])


def law_key(name: str) -> tuple[str, int | None]:
    """A law's identity from its title: ('luật hóa chất', 2025) for "Luật Hóa chất năm 2025"."""
    m = re.search(r"\s+năm\s+((?:19|20)[0-9]{2})$", name)
    base = name[: m.start()] if m else name
    return fold(base).replace(",", ""), (int(m.group(1)) if m else None)


__all__ = ["named_citation", "law_key", "number_key"]
