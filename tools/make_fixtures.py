#!/usr/bin/env python3
"""Make Word (.docx) and PDF copies of plain-text documents, laid out as the real thing.

    python tools/make_fixtures.py                       # every corpus/*.txt -> corpus/<name>.docx, .pdf
    python tools/make_fixtures.py corpus/pairs/*.txt    # your own test documents
    python tools/make_fixtures.py a.txt --outdir /tmp/x --formats pdf --repeat 8

Why: readers must meet real layouts, and the scorer's gold is written against
the .txt. A copy made from the same .txt lets us score the same document in
three formats and compare what each reader makes of it.

How: the .txt is read by docanalyze itself (Markdown-ish conventions of the
corpus: ``##`` headings, ``**bold**``, ``*italic*``, ``<sup>n</sup>`` footnotes,
tab-separated table rows, a row continued after a page break). The Document is
written as a Flat ODT (.fodt) following Nghị định 30/2020/NĐ-CP, Phụ lục I:

- A4, margins 2/2/3/1.5 cm, Times New Roman 14 pt, page number at the top
  centre from page 2;
- the header as a borderless two-column table: issuing body | Quốc hiệu and
  motto; "Số: …" | "Place, ngày … tháng … năm …";
- the type word and the trích yếu centred and bold;
- body paragraphs justified with a first-line indent; "-", "+", "1.", "a)"
  items as real Word lists (automatic numbering and bullets);
- tables with borders and a repeated header row; footnotes as real footnotes;
- "Nơi nhận:" | signer as a borderless two-column table at the end.

LibreOffice (``soffice --headless --convert-to``) turns the .fodt into .docx
and .pdf. Header lines the .txt lost (its issuing body) can be restored from
``tools/corpus_extras.toml`` (see there) or ``--issuer``.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docanalyze.model import Block, Document  # noqa: E402
from docanalyze.readers import load  # noqa: E402
from docanalyze.structure.header import (  # noqa: E402
    DATE_LINE_RE,
    MOTTO_RE,
    NATIONAL_RE,
    NOI_NHAN_RE,
    NUMBER_LINE_RE,
    PARTY_RE,
    PHU_LUC_RE,
    VV_RE,
    parse_header,
)

EXTRAS = Path(__file__).with_name("corpus_extras.toml")
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

BULLET_RE = re.compile(r"^([-+•])\s+")
NUMBER_RE = re.compile(r"^(\d{1,2})\.\s+")
LETTER_RE = re.compile(r"^([a-zđ])\)\s+")
LETTERS = "abcdeghiklmnopqrstuvxy"  # Vietnamese lists skip f, j, w, z; đ follows d
LETTER_VALUE = {ch: i + 1 for i, ch in enumerate("abcdđeghiklmnopqrstuvxy")}

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"'
)

STYLES = """
 <office:font-face-decls>
  <style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'" style:font-family-generic="roman"
    style:font-pitch="variable"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:orphans="2" fo:widows="2" style:writing-mode="lr-tb"/>
   <style:text-properties style:font-name="Times New Roman" fo:font-size="14pt" fo:language="vi" fo:country="VN"/>
  </style:default-style>
  <style:default-style style:family="table-cell">
   <style:table-cell-properties fo:padding="0.05cm"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
  <style:style style:name="Body" style:display-name="Body Text" style:family="paragraph"
    style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="justify" fo:text-indent="1.27cm" fo:margin-top="0cm"
     fo:margin-bottom="0.21cm" fo:line-height="115%"/>
  </style:style>
  <style:style style:name="BodyList" style:display-name="List Body" style:family="paragraph"
    style:parent-style-name="Body"/>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
    style:parent-style-name="Body" style:default-outline-level="1">
   <style:paragraph-properties fo:keep-with-next="always"/>
   <style:text-properties fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
    style:parent-style-name="Heading_20_1" style:default-outline-level="2"/>
  <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph"
    style:parent-style-name="Heading_20_1" style:default-outline-level="3"/>
  <style:style style:name="Heading_20_4" style:display-name="Heading 4" style:family="paragraph"
    style:parent-style-name="Heading_20_1" style:default-outline-level="4"/>
  <style:style style:name="Heading_20_5" style:display-name="Heading 5" style:family="paragraph"
    style:parent-style-name="Heading_20_1" style:default-outline-level="5"/>
  <style:style style:name="Heading_20_6" style:display-name="Heading 6" style:family="paragraph"
    style:parent-style-name="Heading_20_1" style:default-outline-level="6"/>
  <style:style style:name="BodyBold" style:display-name="Body Bold" style:family="paragraph"
    style:parent-style-name="Body">
   <style:paragraph-properties fo:keep-with-next="always"/>
   <style:text-properties fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="HeaderLeft" style:display-name="Header Issuer" style:family="paragraph"
    style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center" fo:margin-top="0cm" fo:margin-bottom="0cm"/>
   <style:text-properties fo:font-size="12.5pt"/>
  </style:style>
  <style:style style:name="HeaderLeftBold" style:display-name="Header Issuer Bold" style:family="paragraph"
    style:parent-style-name="HeaderLeft">
   <style:text-properties fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="HeaderNational" style:display-name="Header National" style:family="paragraph"
    style:parent-style-name="HeaderLeft">
   <style:text-properties fo:font-size="12.5pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="HeaderMotto" style:display-name="Header Motto" style:family="paragraph"
    style:parent-style-name="HeaderLeft">
   <style:text-properties fo:font-size="13.5pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="HeaderDate" style:display-name="Header Date" style:family="paragraph"
    style:parent-style-name="HeaderLeft">
   <style:paragraph-properties fo:margin-top="0.2cm"/>
   <style:text-properties fo:font-size="14pt" fo:font-style="italic"/>
  </style:style>
  <style:style style:name="HeaderNumber" style:display-name="Header Number" style:family="paragraph"
    style:parent-style-name="HeaderLeft">
   <style:paragraph-properties fo:margin-top="0.2cm"/>
  </style:style>
  <style:style style:name="HeaderAbout" style:display-name="Header About" style:family="paragraph"
    style:parent-style-name="HeaderLeft">
   <style:text-properties fo:font-size="12pt"/>
  </style:style>
  <style:style style:name="TitleKind" style:display-name="Document Type" style:family="paragraph"
    style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center" fo:margin-top="0.5cm" fo:margin-bottom="0cm"
     fo:keep-with-next="always"/>
   <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="AnnexHead" style:display-name="Annex Heading" style:family="paragraph"
    style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center" fo:break-before="page" fo:keep-with-next="always"/>
   <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="TitleAbout" style:display-name="Document Subject" style:family="paragraph"
    style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center" fo:margin-top="0cm" fo:margin-bottom="0.42cm"
     fo:keep-with-next="always"/>
   <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="ClosingLeftHead" style:display-name="Distribution Heading" style:family="paragraph"
    style:parent-style-name="Standard">
   <style:text-properties fo:font-size="12pt" fo:font-weight="bold" fo:font-style="italic"/>
  </style:style>
  <style:style style:name="ClosingLeft" style:display-name="Distribution" style:family="paragraph"
    style:parent-style-name="Standard">
   <style:text-properties fo:font-size="11pt"/>
  </style:style>
  <style:style style:name="Signer" style:display-name="Signer" style:family="paragraph"
    style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="SignerName" style:display-name="Signer Name" style:family="paragraph"
    style:parent-style-name="Signer">
   <style:paragraph-properties fo:margin-top="2.2cm"/>
  </style:style>
  <style:style style:name="TableCell" style:display-name="Table Text" style:family="paragraph"
    style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="justify"/>
   <style:text-properties fo:font-size="12pt"/>
  </style:style>
  <style:style style:name="TableCellCenter" style:display-name="Table Text Centered" style:family="paragraph"
    style:parent-style-name="TableCell">
   <style:paragraph-properties fo:text-align="center"/>
  </style:style>
  <style:style style:name="TableHead" style:display-name="Table Heading" style:family="paragraph"
    style:parent-style-name="TableCellCenter">
   <style:text-properties fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard"
    style:class="extra">
   <style:paragraph-properties fo:text-align="justify" fo:margin-left="0cm" fo:text-indent="0cm"/>
   <style:text-properties fo:font-size="10pt"/>
  </style:style>
  <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="13pt"/>
  </style:style>
  <style:style style:name="Footnote_20_anchor" style:display-name="Footnote anchor" style:family="text">
   <style:text-properties style:text-position="super 58%"/>
  </style:style>
  <text:notes-configuration text:note-class="footnote" text:citation-style-name="Footnote_20_anchor"
    text:citation-body-style-name="Footnote_20_anchor" style:num-format="1" text:start-value="0"
    text:footnotes-position="page" text:start-numbering-at="document"/>
  <text:list-style style:name="ListDash">
   <text:list-level-style-bullet text:level="1" text:bullet-char="-">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="1.27cm"
       fo:margin-left="0cm"/>
    </style:list-level-properties>
   </text:list-level-style-bullet>
  </text:list-style>
  <text:list-style style:name="ListPlus">
   <text:list-level-style-bullet text:level="1" text:bullet-char="+">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="1.27cm"
       fo:margin-left="0cm"/>
    </style:list-level-properties>
   </text:list-level-style-bullet>
  </text:list-style>
  <text:list-style style:name="ListNumber">
   <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="1.27cm"
       fo:margin-left="0cm"/>
    </style:list-level-properties>
   </text:list-level-style-number>
  </text:list-style>
  <text:list-style style:name="ListLetter">
   <text:list-level-style-number text:level="1" style:num-suffix=")" style:num-format="a">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="1.27cm"
       fo:margin-left="0cm"/>
    </style:list-level-properties>
   </text:list-level-style-number>
  </text:list-style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm"
     fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="1.5cm" style:print-orientation="portrait"
     style:footnote-max-height="0cm">
    <style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.1cm" style:distance-after-sep="0.1cm"
      style:line-style="solid" style:adjustment="left" style:rel-width="25%" style:color="#000000"/>
   </style:page-layout-properties>
   <style:header-style>
    <style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.3cm"/>
   </style:header-style>
  </style:page-layout>
  <style:style style:name="T_b" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="T_i" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
  <style:style style:name="T_bi" style:family="text">
   <style:text-properties fo:font-weight="bold" fo:font-style="italic"/></style:style>
  <style:style style:name="T_u" style:family="text">
   <style:text-properties style:text-underline-style="solid" style:text-underline-width="auto"
     style:text-underline-color="font-color"/></style:style>
  <style:style style:name="T_bu" style:family="text">
   <style:text-properties fo:font-weight="bold" style:text-underline-style="solid"
     style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>
  <style:style style:name="T_iu" style:family="text">
   <style:text-properties fo:font-style="italic" style:text-underline-style="solid"
     style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>
  <style:style style:name="T_biu" style:family="text">
   <style:text-properties fo:font-weight="bold" fo:font-style="italic" style:text-underline-style="solid"
     style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>
  <style:style style:name="T_ul" style:family="text">
   <style:text-properties style:text-underline-style="solid" style:text-underline-width="auto"
     style:text-underline-color="font-color" fo:font-weight="bold"/></style:style>
  <style:style style:name="LayoutTable" style:family="table">
   <style:table-properties style:width="16.5cm" table:align="margins"/>
  </style:style>
  <style:style style:name="KeepRow" style:family="table-row">
   <style:table-row-properties fo:keep-together="always"/>
  </style:style>
  <style:style style:name="LayoutTable2" style:family="table">
   <style:table-properties style:width="16.5cm" table:align="margins" fo:margin-top="0.3cm"/>
  </style:style>
  <style:style style:name="LayoutColL" style:family="table-column">
   <style:table-column-properties style:column-width="7cm"/>
  </style:style>
  <style:style style:name="LayoutColR" style:family="table-column">
   <style:table-column-properties style:column-width="9.5cm"/>
  </style:style>
  <style:style style:name="LayoutCell" style:family="table-cell">
   <style:table-cell-properties fo:border="none" fo:padding="0.05cm"/>
  </style:style>
  <style:style style:name="GridCell" style:family="table-cell">
   <style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.08cm"
     style:vertical-align="middle"/>
  </style:style>
  <style:style style:name="FirstPara" style:family="paragraph" style:parent-style-name="TitleKind"
   />
{table_styles}
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1" style:next-style-name="Rest"/>
  <style:master-page style:name="Rest" style:display-name="Following Pages" style:page-layout-name="pm1">
   <style:header><text:p text:style-name="Header"><text:page-number text:select-page="current"/></text:p></style:header>
  </style:master-page>
 </office:master-styles>
"""


@dataclass
class Extras:
    """Header lines to restore for one document (see corpus_extras.toml)."""

    issuer: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- inline text


class Inline:
    """Writes ``doc.text[start:end]`` as ODF inline XML: formatting spans, line breaks, real footnotes."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.notes = {f.ref_start: f for f in doc.footnotes if f.ref_start is not None}
        self.used_notes: set[int] = set()

    def _flags(self, pos: int) -> str:
        flags = ""
        for kind, letter in (("bold", "b"), ("italic", "i"), ("underline", "u")):
            if any(m.kind == kind and m.start <= pos < m.end for m in self.doc.marks):
                flags += letter
        return flags

    def xml(self, start: int, end: int, *, drop_flags: str = "", notes: bool = True) -> str:
        text = self.doc.text
        cuts = {start, end}
        for m in self.doc.marks:
            if start < m.start < end:
                cuts.add(m.start)
            if start < m.end < end:
                cuts.add(m.end)
        for ref, note in self.notes.items():
            if start <= ref < end:
                cuts.update({ref, note.ref_end or ref})
        out: list[str] = []
        bounds = sorted(cuts)
        for a, b in zip(bounds, bounds[1:], strict=False):
            if a >= b:
                continue
            note = self.notes.get(a)
            if note is not None and notes:
                self.used_notes.add(a)
                body = Inline(self.doc)
                body.notes = {}
                inner = body.xml(note.start, note.end)
                out.append(f'<text:note text:note-class="footnote"><text:note-citation>{escape(note.marker)}'
                           f'</text:note-citation><text:note-body><text:p text:style-name="Footnote">{inner}'
                           f"</text:p></text:note-body></text:note>")
                continue
            piece = text[a:b]
            if note is not None:  # a note marker where notes are not wanted: keep the digits plain
                piece = piece.translate(str.maketrans(SUPERSCRIPT_DIGITS, "0123456789"))
            flags = "".join(f for f in self._flags(a) if f not in drop_flags)
            body_xml = _text_xml(piece)
            out.append(f'<text:span text:style-name="T_{flags}">{body_xml}</text:span>' if flags else body_xml)
        return "".join(out)


def _text_xml(s: str) -> str:
    parts = s.split("\n")
    out = []
    for i, part in enumerate(parts):
        if i:
            out.append("<text:line-break/>")
        part = escape(part)
        part = re.sub(r"  +", lambda m: f' <text:s text:c="{len(m.group()) - 1}"/>', part)
        if part.startswith(" "):
            part = '<text:s/>' + part[1:]
        out.append(part)
    return "".join(out)


def _p(style: str, inner: str) -> str:
    return f'<text:p text:style-name="{style}">{inner}</text:p>'


# ---------------------------------------------------------------- document parts


@dataclass
class Layout:
    """The document cut into the parts NĐ 30 lays out differently."""

    issuer_lines: list[str]
    number: Block | None
    about: list[Block]  # "V/v …" under the number (official letters)
    date: Block | None
    party: bool
    title: list[Block]  # type word and trích yếu, centred
    body: list[Block]
    distribution: list[Block]
    signer: list[Block]
    annex: list[Block] = field(default_factory=list)  # a PHỤ LỤC after the signature, on its own page


def split_layout(doc: Document, extras: Extras) -> Layout:
    h = parse_header(doc)
    text = doc.text
    blocks = [b for b in doc.blocks if b.kind != "footnote"]
    body_end = h.body_end if h.body_end is not None else len(text)
    header_blocks = [b for b in blocks if b.end <= h.body_start]
    closing = [b for b in blocks if b.start >= body_end and b.end <= doc.body_end]
    body = [b for b in blocks if b not in header_blocks and b not in closing]

    issuer_lines = list(extras.issuer)
    number = date = None
    about: list[Block] = []
    title: list[Block] = []
    party = False
    for b in header_blocks:
        t = text[b.start : b.end].strip()
        if NATIONAL_RE.search(t) or MOTTO_RE.search(t) or re.fullmatch(r"[-_=*~.·•\s]+", t):
            continue
        if PARTY_RE.fullmatch(t):
            party = True
            continue
        if number is None and NUMBER_LINE_RE.search(t) and len(t) < 200:
            number = b
            continue
        if date is None and DATE_LINE_RE.search(t) and len(t) < 200:
            date = b
            continue
        if VV_RE.match(t) and not title:
            about.append(b)
            continue
        kind_span = h.spans.get("kind")
        holds_kind = kind_span is not None and b.start <= kind_span[0] < b.end
        if not title and not holds_kind and t == t.upper() and number is None and not extras.issuer:
            issuer_lines.append(t)  # an issuing body the .txt kept
            continue
        title.append(b)

    distribution: list[Block] = []
    signer: list[Block] = []
    annex: list[Block] = []
    in_dist = False
    for i, b in enumerate(closing):
        t = text[b.start : b.end].strip()
        if signer and PHU_LUC_RE.match(t):
            annex = closing[i:]
            break
        if NOI_NHAN_RE.match(t):
            in_dist = True
            distribution.append(b)
            continue
        if in_dist and t.startswith(("-", "+", "•")):
            distribution.append(b)
            continue
        in_dist = False
        signer.append(b)
    return Layout(issuer_lines, number, about, date, party, title, body, distribution, signer, annex)


def header_xml(doc: Document, lay: Layout, inline: Inline) -> str:
    text = doc.text
    left: list[str] = []
    for i, line in enumerate(lay.issuer_lines):
        last = i == len(lay.issuer_lines) - 1
        left.append(_p("HeaderLeftBold" if last else "HeaderLeft", _text_xml(line)))
    right = [_p("HeaderNational", "ĐẢNG CỘNG SẢN VIỆT NAM")] if lay.party else [
        _p("HeaderNational", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        _p("HeaderMotto", '<text:span text:style-name="T_u">Độc lập - Tự do - Hạnh phúc</text:span>')]
    row2_left = []
    if lay.number is not None:
        row2_left.append(_p("HeaderNumber", inline.xml(lay.number.start, lay.number.end, drop_flags="bi")))
    for b in lay.about:
        row2_left.append(_p("HeaderAbout", inline.xml(b.start, b.end, drop_flags="b")))
    row2_right = []
    if lay.date is not None:
        row2_right.append(_p("HeaderDate", inline.xml(lay.date.start, lay.date.end, drop_flags="bi")))
    if not left:
        left.append(_p("HeaderLeft", ""))
    rows = [(left, right)]
    if row2_left or row2_right:
        rows.append((row2_left or [_p("HeaderLeft", "")], row2_right or [_p("HeaderLeft", "")]))
    out = ['<table:table table:name="Header" table:style-name="LayoutTable">',
           '<table:table-column table:style-name="LayoutColL"/><table:table-column table:style-name="LayoutColR"/>']
    for lcell, rcell in rows:
        out.append("<table:table-row>")
        for cell in (lcell, rcell):
            out.append(f'<table:table-cell table:style-name="LayoutCell" office:value-type="string">{"".join(cell)}'
                       "</table:table-cell>")
        out.append("</table:table-row>")
    out.append("</table:table>")
    for k, b in enumerate(lay.title):
        t = text[b.start : b.end].strip()
        style = "TitleKind" if k == 0 and t == t.upper() else "TitleAbout"
        out.append(_p(style, inline.xml(b.start, b.end, drop_flags="b")))
    return "".join(out)


def _list_kind(t: str) -> tuple[str, int, int] | None:
    """(list style, value, marker length) when a paragraph starts with a marker Word would number."""
    m = BULLET_RE.match(t)
    if m:
        return ("ListPlus" if m.group(1) == "+" else "ListDash"), 0, m.end()
    m = NUMBER_RE.match(t)
    if m:
        return "ListNumber", int(m.group(1)), m.end()
    m = LETTER_RE.match(t)
    if m and m.group(1) in LETTER_VALUE:
        return "ListLetter", LETTER_VALUE[m.group(1)], m.end()
    return None


class Body:
    """Body paragraphs, lists and tables in order."""

    def __init__(self, doc: Document, inline: Inline, *, numbering: bool) -> None:
        self.doc = doc
        self.inline = inline
        self.numbering = numbering
        self.out: list[str] = []
        self.open_list: tuple[str, int] | None = None  # (style, last value)
        self.table_styles: list[str] = []
        self.n_tables = 0

    def close_list(self) -> None:
        if self.open_list:
            self.out.append("</text:list>")
            self.open_list = None

    def paragraph(self, b: Block) -> None:
        text = self.doc.text
        t = text[b.start : b.end]
        style = "Body"
        if b.kind == "heading" and b.level:
            style = f"Heading_20_{min(max(b.level, 1), 6)}"
        elif t == t.upper() and sum(ch.isupper() for ch in t) >= 4 and len(t) < 200:
            style = "BodyBold"  # "I. MỤC ĐÍCH, YÊU CẦU": section headings are bold in every real document
        lk = _list_kind(t) if self.numbering and b.kind != "heading" and b.start not in self.inline.notes else None
        if lk is None or (lk[0] in ("ListNumber", "ListLetter") and "\n" in t):
            self.close_list()
            self.out.append(_p(style, self.inline.xml(b.start, b.end)))
            return
        lstyle, value, mlen = lk
        numbered = lstyle in ("ListNumber", "ListLetter")
        if self.open_list and (self.open_list[0] != lstyle or (numbered and value != self.open_list[1] + 1)):
            self.close_list()
        pstyle = "BodyBold" if style == "BodyBold" else "BodyList"
        item = _p(pstyle, self.inline.xml(b.start + mlen, b.end))
        if self.open_list is None:
            self.out.append(f'<text:list text:style-name="{lstyle}">')
            start = f' text:start-value="{value}"' if numbered else ""
            self.out.append(f"<text:list-item{start}>{item}</text:list-item>")
        else:
            self.out.append(f"<text:list-item>{item}</text:list-item>")
        self.open_list = (lstyle, value)

    def table(self, b: Block) -> None:
        self.close_list()
        assert b.table is not None
        table = self.doc.tables[b.table]
        grid = table.texts()
        n = table.n_cols
        if not n:
            return
        self.n_tables += 1
        name = f"Table{self.n_tables}"
        widths = _column_widths(grid, n, total=16.5)
        for k, w in enumerate(widths):
            self.table_styles.append(
                f'<style:style style:name="{name}.C{k}" style:family="table-column">'
                f'<style:table-column-properties style:column-width="{w:.2f}cm"/></style:style>')
        self.table_styles.append(
            f'<style:style style:name="{name}" style:family="table"><style:table-properties style:width="16.5cm" '
            f'table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.2cm"/></style:style>')
        out = [f'<table:table table:name="{name}" table:style-name="{name}">']
        out.extend(f'<table:table-column table:style-name="{name}.C{k}"/>' for k in range(n))
        header_row = _looks_like_header(grid[0]) if len(grid) > 1 else False
        covered = set()
        for ri, row in enumerate(table.rows):
            if ri == 0 and header_row:
                out.append("<table:table-header-rows>")
            out.append("<table:table-row>")
            by_col = {c.col: c for c in row}
            for col in range(n):
                if (ri, col) in covered:
                    out.append("<table:covered-table-cell/>")
                    continue
                c = by_col.get(col)
                if c is None:
                    out.append('<table:table-cell table:style-name="GridCell" office:value-type="string">'
                               '<text:p text:style-name="TableCell"/></table:table-cell>')
                    continue
                for r in range(c.row, c.row + c.rowspan):
                    for k in range(c.col, c.col + c.colspan):
                        if (r, k) != (c.row, c.col):
                            covered.add((r, k))
                span = ""
                if c.rowspan > 1:
                    span += f' table:number-rows-spanned="{c.rowspan}"'
                if c.colspan > 1:
                    span += f' table:number-columns-spanned="{c.colspan}"'
                pstyle = "TableHead" if ri == 0 and header_row else (
                    "TableCellCenter" if len(c.text) <= 4 or _is_short_column(grid, col) else "TableCell")
                paras = []
                pos = c.start
                for line in self.doc.text[c.start : c.end].split("\n"):
                    paras.append(_p(pstyle, self.inline.xml(pos, pos + len(line))))
                    pos += len(line) + 1
                out.append(f'<table:table-cell table:style-name="GridCell"{span} office:value-type="string">'
                           f'{"".join(paras)}</table:table-cell>')
            out.append("</table:table-row>")
            if ri == 0 and header_row:
                out.append("</table:table-header-rows>")
        out.append("</table:table>")
        self.out.append("".join(out))

    def add(self, blocks: Iterable[Block]) -> None:
        for b in blocks:
            if b.kind == "table":
                self.table(b)
            else:
                self.paragraph(b)
        self.close_list()


def _looks_like_header(row: list[str]) -> bool:
    cells = [c.strip() for c in row]
    return bool(cells) and all(len(c) < 60 for c in cells) and not any(re.fullmatch(r"\d+\.?", c) for c in cells) \
        and sum(1 for c in cells if c) >= max(2, len(cells) - 1)


def _is_short_column(grid: list[list[str]], col: int) -> bool:
    values = [r[col] for r in grid[1:] if col < len(r) and r[col]]
    return bool(values) and max(len(v) for v in values) <= 12


def _column_widths(grid: list[list[str]], n: int, total: float) -> list[float]:
    weights = []
    for k in range(n):
        lengths = sorted(len(r[k]) for r in grid if k < len(r))
        typical = lengths[len(lengths) * 3 // 4] if lengths else 1
        weights.append(min(max(3.0, typical), 400.0) ** 0.5)
    s = sum(weights)
    widths = [max(1.2, total * w / s) for w in weights]
    scale = total / sum(widths)
    return [w * scale for w in widths]


def closing_xml(doc: Document, lay: Layout, inline: Inline) -> str:
    if not lay.distribution and not lay.signer:
        return ""
    text = doc.text
    left = []
    for k, b in enumerate(lay.distribution):
        left.append(_p("ClosingLeftHead" if k == 0 else "ClosingLeft", inline.xml(b.start, b.end, drop_flags="bi")))
    right = []
    for k, b in enumerate(lay.signer):
        t = text[b.start : b.end].strip()
        is_name = t != t.upper()
        style = "SignerName" if is_name and k > 0 and "SignerName" not in "".join(right) else "Signer"
        right.append(_p(style, inline.xml(b.start, b.end, drop_flags="b")))
    out = ['<table:table table:name="Closing" table:style-name="LayoutTable2">',
           '<table:table-column table:style-name="LayoutColL"/><table:table-column table:style-name="LayoutColR"/>',
           '<table:table-row table:style-name="KeepRow">']
    for cell in (left or [_p("ClosingLeft", "")], right or [_p("Signer", "")]):
        out.append(f'<table:table-cell table:style-name="LayoutCell" office:value-type="string">{"".join(cell)}'
                   "</table:table-cell>")
    out.append("</table:table-row></table:table>")
    return "".join(out)


def to_fodt(doc: Document, extras: Extras, *, numbering: bool = True, repeat: int = 1) -> str:
    """The whole document as Flat ODT XML."""
    lay = split_layout(doc, extras)
    inline = Inline(doc)
    parts = [header_xml(doc, lay, inline)]
    body = Body(doc, inline, numbering=numbering)
    for _ in range(max(1, repeat)):
        if _:
            inline.notes = {}  # a repeated copy carries its footnote markers as plain digits
        body.add(lay.body)
    parts.append("".join(body.out))
    inline.notes = {f.ref_start: f for f in doc.footnotes if f.ref_start is not None}
    parts.append(closing_xml(doc, lay, inline))
    if lay.annex:
        head, *rest = lay.annex
        parts.append(_p("AnnexHead", inline.xml(head.start, head.end, drop_flags="b")))
        annex = Body(doc, inline, numbering=numbering)
        annex.n_tables = body.n_tables
        annex.add(rest)
        parts.append("".join(annex.out))
        body.table_styles += annex.table_styles
    styles = STYLES.replace("{table_styles}", "\n".join(body.table_styles))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
            f'office:mimetype="application/vnd.oasis.opendocument.text">{styles}'
            f'<office:body><office:text>{"".join(parts)}</office:text></office:body></office:document>\n')


# ---------------------------------------------------------------- conversion


def find_soffice() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("make_fixtures: LibreOffice (soffice) is needed to write .docx and .pdf; install libreoffice-writer")


def convert(fodt: Path, outdir: Path, fmt: str, soffice: str, profile: Path) -> Path:
    """Convert with a private LibreOffice profile, so a running office or another user does not block us."""
    target = {"docx": "docx:MS Word 2007 XML", "pdf": "pdf:writer_pdf_Export", "odt": "odt"}[fmt]
    cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--convert-to",
           target, "--outdir", str(outdir), str(fodt)]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    out = outdir / (fodt.stem + "." + fmt)
    if not out.exists():
        raise RuntimeError(f"soffice failed on {fodt.name}: {res.stderr.strip() or res.stdout.strip()}")
    return out


def load_extras(path: Path | None) -> dict[str, Extras]:
    if path is None or not path.exists():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {name: Extras(issuer=list(v.get("issuer", []))) for name, v in data.items()}


def make(sources: list[Path], outdir: Path | None, formats: list[str], extras: dict[str, Extras], *,
         numbering: bool = True, repeat: int = 1, keep_fodt: bool = False, suffix: str = "") -> list[Path]:
    soffice = find_soffice()
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="make-fixtures-") as tmp:
        tmpdir = Path(tmp)
        profile = tmpdir / "profile"
        for src in sources:
            doc = load(src, check_language=False)
            ex = extras.get(src.stem, Extras())
            xml = to_fodt(doc, ex, numbering=numbering, repeat=repeat)
            stem = src.stem + suffix
            fodt = tmpdir / (stem + ".fodt")
            fodt.write_text(xml, encoding="utf-8")
            dest = outdir or src.parent
            dest.mkdir(parents=True, exist_ok=True)
            if keep_fodt:
                shutil.copy(fodt, dest / fodt.name)
            for fmt in formats:
                out = convert(fodt, tmpdir, fmt, soffice, profile)
                final = dest / out.name
                shutil.move(str(out), final)
                written.append(final)
                print(f"wrote {final}")
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path, help="text files (default: corpus/*.txt)")
    ap.add_argument("--outdir", type=Path, help="where to write (default: beside each input)")
    ap.add_argument("--formats", default="docx,pdf", help="comma-separated: docx, pdf, odt (default docx,pdf)")
    ap.add_argument("--extras", type=Path, default=EXTRAS, help="TOML of header lines to restore per file stem")
    ap.add_argument("--issuer", action="append", default=None,
                    help="issuing-body line for every input (repeat: parent first, then the body)")
    ap.add_argument("--no-numbering", action="store_true", help="keep list markers as typed text")
    ap.add_argument("--repeat", type=int, default=1, help="repeat the body N times (long documents for benchmarks)")
    ap.add_argument("--suffix", default="", help="added to each output file's stem")
    ap.add_argument("--keep-fodt", action="store_true", help="also keep the intermediate .fodt")
    args = ap.parse_args(argv)
    files = args.files or sorted((ROOT / "corpus").glob("*.txt"))
    extras = load_extras(args.extras)
    if args.issuer:
        extras = {f.stem: Extras(issuer=args.issuer) for f in files}
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    make(files, args.outdir, formats, extras, numbering=not args.no_numbering, repeat=args.repeat,
         keep_fodt=args.keep_fodt, suffix=args.suffix)
    return 0


if __name__ == "__main__":
    sys.exit(main())
