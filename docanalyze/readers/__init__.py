"""Read a file of any supported format into a :class:`~docanalyze.model.Document`.

The format is decided by the file's bytes, not only its name: a PDF renamed
to .docx is refused with a message that says what it really is. Every failure
is an :class:`~docanalyze.errors.InputError` with a one-line message.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import GarbledTextError, InputError
from ..model import Document
from .builder import DocumentBuilder
from .language import check_vietnamese

SUPPORTED = {".txt": "txt", ".md": "md", ".markdown": "md", ".docx": "docx", ".pdf": "pdf", ".doc": "doc"}
MAX_TEXT_BYTES = 16 * 1024 * 1024  # a text file of this size is not an administrative document
MAX_BINARY_BYTES = 200 * 1024 * 1024
MAX_CHARS = 8_000_000

_MAGIC = {
    b"%PDF": "pdf",
    b"PK\x03\x04": "zip",
    b"\xd0\xcf\x11\xe0": "ole",
    b"{\\rtf": "rtf",
}
_NAMES = {"pdf": "a PDF file", "zip": "a ZIP archive (Word .docx or other)", "ole": "an old binary Word/Office file",
          "rtf": "an RTF file", "text": "a text file", "binary": "a binary file"}


def sniff(head: bytes) -> str:
    """What the first bytes say the file is: pdf, zip, ole, rtf, text or binary."""
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            return kind
    stripped = head.lstrip(b"\xef\xbb\xbf")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"
    if b"\x00" in stripped[:4096]:
        return "binary"
    return "text"


def from_text(text: str, source: str = "<text>") -> Document:
    """A Document read from a string as a .txt/.md file is read (tables as tab-separated lines, footnotes).

    For text pasted into a notebook or produced by another tool; no language check, as the caller chose it.
    """
    from .text import read_text

    builder = DocumentBuilder(source=source, format="txt")
    read_text(text, builder)
    return builder.build()


def load(path: str | os.PathLike[str], *, check_language: bool = True) -> Document:
    """Read ``path`` (.docx, .pdf, .txt, .md, or .doc via LibreOffice) into a normalized Document."""
    p = Path(path)
    name = p.name
    if not p.exists():
        raise InputError(f"{name}: no such file")
    if p.is_dir():
        raise InputError(f"{name}: is a folder, not a document")
    ext = p.suffix.lower()
    fmt = SUPPORTED.get(ext)
    if fmt is None:
        raise InputError(f"{name}: unsupported file type '{ext or '(none)'}'; docanalyze reads .docx, .pdf, .txt, .md "
                         "(and .doc when LibreOffice is installed)")
    size = p.stat().st_size
    if size == 0:
        raise InputError(f"{name}: the file is empty")
    limit = MAX_TEXT_BYTES if fmt in ("txt", "md") else MAX_BINARY_BYTES
    if size > limit:
        raise InputError(f"{name}: the file is too large ({size / 1e6:.0f} MB; the limit for this type is "
                         f"{limit / 1e6:.0f} MB)")
    try:
        with p.open("rb") as fh:
            head = fh.read(8192)
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    actual = sniff(head)
    expected = {"txt": "text", "md": "text", "docx": "zip", "pdf": "pdf", "doc": "ole"}[fmt]
    if actual != expected:
        if fmt == "doc" and actual == "zip":
            fmt = "docx"  # a .docx saved with the old extension: read it as what it is
        elif fmt == "doc" and actual == "rtf":
            fmt = "doc"  # LibreOffice converts RTF too
        else:
            raise InputError(f"{name}: the extension says {ext} but the content is {_NAMES.get(actual, actual)}")

    builder = DocumentBuilder(source=str(path), format=fmt)
    if fmt in ("txt", "md"):
        from .text import read_text

        read_text(_decode(p.read_bytes(), name), builder)
    elif fmt == "docx":
        from .word import read_docx

        read_docx(p, builder)
    elif fmt == "pdf":
        from .pdf import read_pdf

        read_pdf(p, builder)
    elif fmt == "doc":
        from .legacy import read_doc

        read_doc(p, builder)
    doc = builder.build()
    if not doc.text.strip():
        raise InputError(f"{name}: the document contains no text")
    if len(doc.text) > MAX_CHARS:
        raise InputError(f"{name}: the document is too long ({len(doc.text):,} characters; limit {MAX_CHARS:,})")
    if check_language:
        prose = "\n".join(doc.text[b.start : b.end] for b in doc.blocks if b.kind != "table")
        problem = check_vietnamese(doc.text, prose)
        if problem:
            raise GarbledTextError(f"{name}: {problem}")
    return doc


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{name}: not valid UTF-16 text") from None
    if b"\x00" in data:
        raise InputError(f"{name}: contains binary data (NUL bytes); it is not a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (invalid byte at position {exc.start}); save it as UTF-8") from None
    controls = sum(1 for ch in text[:100_000] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > 20:
        raise InputError(f"{name}: contains binary control characters; it is not a text file")
    return text
