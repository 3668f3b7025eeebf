#!/usr/bin/env python3
"""Write the small files tests/test_bad_input.py and the reader tests feed to docanalyze.

    python tools/make_bad_inputs.py            # -> tests/fixtures/

Each file stands for one way a user's file can be wrong (or an old format):
an encrypted PDF, a scan with no text layer, a PDF whose text layer is
garbled, a damaged PDF, a PDF renamed .docx, a damaged .docx, an old binary
.doc, and a short document with lettered lists for Word numbering. They are
kept tiny and committed; this script (LibreOffice, Pillow) only remakes them.
Empty files, binary bytes and huge files are made by the tests themselves.
"""
from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures"

PLAN = """KẾ HOẠCH
Thực hiện công tác dân vận năm 2025

I. MỤC ĐÍCH, YÊU CẦU

1. Nâng cao nhận thức của cán bộ, công chức về công tác dân vận.

II. NHIỆM VỤ

1. Công tác tuyên truyền

a) Quán triệt Kế hoạch số 12/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân tỉnh.

b) Tổ chức hội nghị triển khai trước ngày 15/3/2025.

2. Công tác kiểm tra

a) Kiểm tra việc thực hiện quy chế dân chủ ở cơ sở trong Quý III/2025.

b) Báo cáo kết quả trước ngày 10/12/2025.

c) Tổng kết, khen thưởng trong Quý IV/2025.
"""

# A text layer whose font has a wrong encoding, in the style of a real broken PDF.
GARBLED = """BO CONG THIJoNG ceNG noa xA Her cHU Ncuia vrET NAM
CVC H6A CHAT DQc l6p - Tg'do - H4nh phtc
S6: /QD-XPVPHC Hd NAi, ngdy 7 ttuing 7 ndm 2026
QUYET DINH Xt'ph4t vi ph4m hinh chfnh
Cdn c* Ludt X} l! vi phqm hdnh chinh 2012 (duoc sua diji, bd sung ndm 2020);
Cdn c{r NShi dinh sA ZI2OISU,D-CP ngdy 30 thdng 8 ndm 2019 cia Chinh phil quy dinh
vi xu phat vi phqm hdnh chinh trong linh vt{c h6a chlit vd vQr liQu n6 c6ng nghiQp;
Cdn c* Bi€n bdn vi phqm hdnh chinh sij ZS/AA-VpHC lqp ngdy 26 thdng 6 ndm 2026
cila Dodn ki6m tra theo Quyilt dinh s6 128/QD-HC ngdy l7 thdng 6 ndm 2026;
Didu 1. Xt phpt vi ph4m hdnh chinh di5i v6i C6ng ty c6 t6n sau dAy.
"""

ENGLISH = """Plan for community outreach in 2025

The department will organise training for all staff before the end of March, and it
will report the results to the provincial committee in December. Each unit is asked
to nominate one person who is responsible for the work and to send the list to the
office by the tenth of February. This plan is not a Vietnamese document at all.
"""


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        sys.exit("make_bad_inputs: LibreOffice (soffice) is needed")
    return found


def convert(src: Path, target: str, outdir: Path, profile: Path) -> Path:
    subprocess.run([soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", target, "--outdir", str(outdir), str(src)],
                   capture_output=True, check=False, timeout=300)
    ext = target.split(":")[0]
    out = outdir / f"{src.stem}.{ext}"
    if not out.exists():
        sys.exit(f"make_bad_inputs: soffice could not write {out.name}")
    return out


def scanned_pdf(path: Path) -> None:
    """A page that is only an image (a scan): black bars standing for lines of text."""
    from PIL import Image, ImageDraw

    img = Image.new("L", (620, 877), 255)
    draw = ImageDraw.Draw(img)
    for k in range(12):
        y = 120 + 40 * k
        draw.rectangle([80, y, 540 - (k % 3) * 60, y + 12], fill=0)
    img.save(path, "PDF", resolution=75.0)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bad-inputs-") as tmp:
        t = Path(tmp)
        profile = t / "profile"
        (t / "plan.txt").write_text(PLAN, encoding="utf-8")
        (t / "garbled.txt").write_text(GARBLED, encoding="utf-8")
        good_pdf = convert(t / "plan.txt", "pdf", t, profile)
        shutil.copy(good_pdf, OUT / "plan.pdf")
        shutil.copy(good_pdf, OUT / "pdf_named.docx")  # a lying extension
        enc = t / "enc"
        enc.mkdir()
        filt = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
                '"DocumentOpenPassword":{"type":"string","value":"secret"}}')
        shutil.copy(convert(t / "plan.txt", filt, enc, profile), OUT / "encrypted.pdf")
        shutil.copy(convert(t / "garbled.txt", "pdf", t, profile), OUT / "garbled.pdf")
        shutil.copy(convert(t / "plan.txt", "doc:MS Word 97", t, profile), OUT / "old.doc")
        # a damaged PDF: the first part of a real one, the rest lost
        data = good_pdf.read_bytes()
        (OUT / "damaged.pdf").write_bytes(data[:400] + b"\x00garbage\xff" * 20)
        scanned_pdf(OUT / "scanned.pdf")
        # a damaged .docx: a ZIP without the document part
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr("word/other.xml", "<nothing/>")
        (OUT / "corrupt.docx").write_bytes(buf.getvalue())
        (OUT / "english.txt").write_text(ENGLISH, encoding="utf-8")
        (OUT / "lists.txt").write_text(PLAN, encoding="utf-8")
    subprocess.run([sys.executable, str(ROOT / "tools" / "make_fixtures.py"), str(OUT / "lists.txt"),
                    "--formats", "docx,pdf"], check=True)
    for f in sorted(OUT.iterdir()):
        print(f"{f.stat().st_size:>8}  {f.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
