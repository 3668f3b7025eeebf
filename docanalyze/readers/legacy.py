"""Old binary Word .doc (and RTF): converted to .docx by LibreOffice when it is installed."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import ConversionError
from .builder import DocumentBuilder

CONVERT_TIMEOUT = 120


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice", "lowriter"):
        found = shutil.which(name)
        if found:
            return found
    return None


def read_doc(path: Path, builder: DocumentBuilder) -> None:
    soffice = find_soffice()
    if soffice is None:
        raise ConversionError(
            f"{path.name}: old binary Word format (.doc); install LibreOffice (e.g. 'apt install "
            "libreoffice-writer') so docanalyze can convert it, or save it as .docx in Word")
    with tempfile.TemporaryDirectory(prefix="docanalyze-") as tmp:
        # a private profile: a running LibreOffice or a locked profile must not block the conversion
        profile = Path(tmp, "profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "docx",
               "--outdir", tmp, str(path.resolve())]
        try:
            subprocess.run(cmd, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise ConversionError(f"{path.name}: LibreOffice took longer than {CONVERT_TIMEOUT} s to convert it") from None
        except OSError as exc:
            raise ConversionError(f"{path.name}: could not run LibreOffice ({exc})") from None
        out = Path(tmp, path.stem + ".docx")
        if not out.exists():
            raise ConversionError(f"{path.name}: LibreOffice could not convert this .doc file (damaged or encrypted?)")
        from .word import read_docx

        read_docx(out, builder)
    builder.format = "doc"
