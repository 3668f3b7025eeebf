"""A plan task's clauses: which only say who does the work and when, and which pieces of work it asks for.

Plans wrap the work of a task in who/when clauses ("Phòng X chủ trì, phối hợp với Y thực hiện",
"Thời gian: Quý III/2025", a leading "Hiệu trưởng:"). A report answers for the work, not for the
wrapping, and a report passage that names the same unit or the same quarter is not therefore about
the same work; so the check leaves these clauses out of the task's words, as it leaves out names.

Plans also put several pieces of work into one task ("Rà soát mạng lưới …; tổ chức Hội thi …"); a
report that covers some of them and not the others reports the task only in part (``parts.py``).

Clauses end at ';', '.', ':' and line breaks, and at "đồng thời"; a piece of work also starts after a
comma or "và" that a work verb follows. The phrase lists are in ``data/check_lexicon.toml``
(``[task_clauses]``).
"""
from __future__ import annotations

import re
from functools import cache

from ..lexicon import load_toml
from .segment import skeleton

_CLAUSE_END_RE = re.compile(r";|\.(?=\s|$)|:(?=\s)|\n|\bđồng thời\b", re.I)
_LABEL_RE = re.compile(r"^\s*[^\s:;.\n][^:;.\n]{1,78}:\s")


@cache
def _lexicon() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str], re.Pattern[str]]:
    lex = load_toml("check_lexicon.toml")
    data = lex["task_clauses"]

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(skeleton(w)) for w in sorted(set(words), key=len, reverse=True))

    labels = re.compile(rf"^(?:{alternation(data['field_labels'])})(?: \S+){{0,4}}$")
    assign = re.compile(rf"(?<!\S)(?:{alternation(data['assignment'])})(?!\S)")
    verbs = re.compile(rf"^(?:{alternation(data['work_verbs'])})(?!\S)")
    times = frozenset(t for w in data["time_words"] for t in skeleton(w).split())
    units = re.compile(rf"^(?:{alternation(lex['names']['heads'] + data['unit_heads'])})(?!\S)")
    return labels, assign, verbs, times, units


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Clauses of ``text`` as (start, end), stripped of surrounding space; empty ones dropped."""
    cuts = [0] + [m.end() for m in _CLAUSE_END_RE.finditer(text)] + [len(text)]
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if b - trail > a + lead:
            out.append((a + lead, b - trail))
    return out


def is_meta(clause: str, *, first: bool = False) -> bool:
    """A clause that says who or when, not what: a field label ("Thời gian:"), a unit heading the task
    ("Trung tâm Y tế huyện:"), a unit's assignment ("Phòng X chủ trì, phối hợp với Y"), a time expression."""
    labels, assign, verbs, times, units = _lexicon()
    sk = skeleton(clause)
    if not sk:
        return True
    head, colon, _rest = clause.partition(":")
    if colon and labels.match(skeleton(head)):
        return True  # "Thời gian: …", "Đơn vị thực hiện: …"
    unit_first = bool(units.match(sk)) and not verbs.match(sk)  # "Tổ trưởng …" is a unit, "Tổ chức …" work
    if first and clause.rstrip().endswith(":") and len(clause) <= 80 and unit_first:
        return True  # "Công chức Tài chính - Kế toán:" heading the task ("Tổ chức Tháng Thanh niên:" is work)
    words = sk.split()
    if all(w in times or w.isdigit() for w in words):
        return True
    m = assign.search(sk)
    if m and m.start() > 0 and unit_first and len(words) <= 30:
        # "Phòng X chủ trì, phối hợp với Y thực hiện": a unit, then the assignment, and no work of its own —
        # unless the assignment leads into work ("Phòng X chủ trì, phối hợp tổ chức hội nghị …")
        rest = assign.sub(" ", sk[m.start():])
        return not any(verbs.match(rest[k.start():]) for k in re.finditer(r"(?<!\S)\S", rest))
    return False


def meta_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that only say who or when; empty when that would leave no work at all."""
    spans = clause_spans(text)
    lab = _LABEL_RE.match(text)
    out = []
    if lab and is_meta(text[lab.start():lab.end()], first=True):
        out.append((lab.start(), lab.end()))
    labelled_line = -1  # a line that opens with a field label ("Đơn vị thực hiện: Khoa …") is who/when whole
    for a, b in spans:
        if any(a >= s and b <= e for s, e in out):
            continue
        line = text.count("\n", 0, a)
        if line == labelled_line or is_meta(text[a:b], first=(a == spans[0][0])):
            out.append((a, b))
            head, colon, _rest = text[a:b].partition(":")
            if colon and _lexicon()[0].match(skeleton(head)):
                labelled_line = line
    covered = sum(b - a for a, b in out)
    work = sum(b - a for a, b in spans) - covered
    return out if work > 0 and len(out) < len(spans) + bool(lab) else []


_PART_BREAK_RE = re.compile(r",\s*|\s+và\s+")


def part_spans(text: str) -> list[tuple[int, int]]:
    """The pieces of work a task asks for: its clauses less the who/when ones, each split again where a
    comma or "và" is followed by a work verb ("Rà soát mạng lưới …, tổ chức Hội thi …")."""
    verbs = _lexicon()[2]
    meta = meta_spans(text)
    out = []
    for a, b in clause_spans(text):
        if any(s <= a and b <= e for s, e in meta):
            continue
        cuts = [a]
        for m in _PART_BREAK_RE.finditer(text, a, b):
            if verbs.match(skeleton(text[m.end():m.end() + 40])):
                cuts.append(m.end())
        cuts.append(b)
        out += [(x, y) for x, y in zip(cuts, cuts[1:], strict=False) if text[x:y].strip(" ,;.")]
    return out
