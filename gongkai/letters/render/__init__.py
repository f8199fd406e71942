"""Letters as documents laid out per GB/T 9704-2012 《党政机关公文格式》, in DOCX and PDF.

Plain Python (never imports Django), built on the report engine's writers: the same package,
styles, faces, line breaking and pagination. ``LetterDocument`` is the letter as data."""

from __future__ import annotations

from .document import LetterDocument, chinese_date, paragraphs_of
from .docx import write_docx
from .pdf import write_pdf

__all__ = ["LetterDocument", "chinese_date", "paragraphs_of", "write_docx", "write_pdf"]
