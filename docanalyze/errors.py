"""Errors a user can act on. The CLI prints their message on one line and exits non-zero."""
from __future__ import annotations


class DocanalyzeError(Exception):
    """Base class: the message is a complete sentence for the user."""

    exit_code = 2


class InputError(DocanalyzeError):
    """The file cannot be read as a document: missing, wrong type, corrupt, encrypted, empty, too big."""


class NoTextLayerError(InputError):
    """A PDF whose pages are images: it needs OCR first."""


class GarbledTextError(InputError):
    """A text layer that decodes to nonsense (wrong font encoding), or text that is not Vietnamese."""


class ConversionError(InputError):
    """An old .doc that could not be converted (LibreOffice missing or failed)."""
