"""Is this Vietnamese text, and is the text layer sane?

A PDF with a broken font encoding yields strings like "BO CONG THIJoNG" or
"phqm hdnh chinh"; a file in another language yields no Vietnamese syllables.
Either would make every extractor return nonsense, so we refuse them with a
message saying why. Tables are left out of the judgement when there is enough
running text: a list of chemical or product names is not prose.
"""
from __future__ import annotations

import re

_VI_LETTERS = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I
)
_WORD = re.compile(r"[^\W\d_]+")
_MIXED = re.compile(r"\b(?=\w*\d)(?=\w*[^\W\d_])\w+\b")  # letters and digits in one word: "h6a", "vQr"
# A Vietnamese syllable: optional onset, a vowel nucleus, optional coda; letters folded to plain vowels first.
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
    r"(?:uyê|uya|uôi|ươi|ươu|oai|oay|oao|oeo|uây|iêu|yêu|ia|iê|yê|ua|uô|ưa|ươ|ai|ao|au|ay|âu|ây|eo|êu|"
    r"iu|oa|oă|oe|oi|ôi|ơi|ui|uy|ưi|ưu|uê|uâ|uơ|[aăâeêioôơuưy])"
    r"(?:ch|ng|nh|[cmnpt])?$"
)
_FOLD = str.maketrans(
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵđ",
    "aaaaaăăăăăâââââeeeeeêêêêêiiiiioooooôôôôôơơơơơuuuuuưưưưưyyyyyd",
)
_ENGLISH = frozenset("the and of to in is for with that this are be on as by from it or an was which not".split())


def is_syllable(word: str) -> bool:
    """Is ``word`` one well-formed Vietnamese syllable ('trường' yes, 'UBND' no)?"""
    return bool(_SYLLABLE.match(word.lower().translate(_FOLD)))


SAMPLE_CHARS = 40_000  # enough words to judge a language; taken from across the document, not only its start


def spread_sample(text: str, size: int = SAMPLE_CHARS, windows: int = 8) -> str:
    """``text`` itself when short; else ``windows`` slices spread evenly over it, ``size`` characters in all.

    A garbled font layer may start on page 3 and an English annex may end a Vietnamese letter, so the
    judgement looks at the whole length, but reading every word of a 300-page file would cost more than
    the judgement is worth."""
    if len(text) <= size:
        return text
    step, width = len(text) // windows, size // windows
    return "\n".join(text[k * step:k * step + width] for k in range(windows))


def vietnamese_ratio(text: str) -> tuple[float, float]:
    """(share of words with Vietnamese letters, share of words that are valid Vietnamese syllables)."""
    words = _WORD.findall(text)
    if not words:
        return 0.0, 0.0
    with_marks = sum(1 for w in words if _VI_LETTERS.search(w))
    valid = sum(1 for w in words if _SYLLABLE.match(w.lower().translate(_FOLD)))
    return with_marks / len(words), valid / len(words)


def check_vietnamese(text: str, prose: str | None = None) -> str | None:
    """None when the text reads as Vietnamese; otherwise a sentence saying what is wrong.

    ``prose`` is the running text without tables; it is judged instead of the
    whole when it holds enough words.
    """
    sample = spread_sample(prose if prose is not None and len(_WORD.findall(prose[:20_000])) >= 60 else text)
    words = _WORD.findall(sample)
    if len(words) < 8:
        return None  # too little text to judge; extractors will simply find little
    marks, valid = vietnamese_ratio(sample)
    english = sum(1 for w in words if w.lower() in _ENGLISH) / len(words)
    if marks >= 0.10 and valid >= 0.6:
        return None
    if english >= 0.08 and marks < 0.05:
        return "the text is not Vietnamese (it reads as English); docanalyze reads Vietnamese administrative documents"
    mixed = len(_MIXED.findall(sample)) / len(words)
    if marks < 0.10 and valid >= 0.75 and mixed < 0.02:
        return ("the text has almost no Vietnamese diacritics; it may be typed without accents or in a legacy "
                "font encoding (TCVN3/VNI) - convert it to Unicode first")
    if marks < 0.02 and valid < 0.3:
        return "the text is not Vietnamese; docanalyze reads Vietnamese administrative documents"
    return ("the text layer is garbled (a wrong font encoding: most words are not Vietnamese); "
            "the document needs OCR or a copy with a proper text layer")
