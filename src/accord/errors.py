"""accord's exception tree. Every error names the file or article it is about.

AccordError
├── IngestError        an input file or record cannot be read (carries ``path`` and ``line``)
├── AnalysisError      the per-article NLP stage failed on one article (carries ``article``)
├── ResolutionError    cross-article resolution or a knowledge base file is unusable
├── StorageError       the database cannot be opened, migrated or written
├── ExportError        a report cannot be written
└── ModelError         a model file named by the user (e.g. ACCORD_STORIES_MODEL) is unusable
"""

from __future__ import annotations


class AccordError(Exception):
    """Base of every error accord raises on purpose."""


class IngestError(AccordError):
    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")
        self.reason = message


class AnalysisError(AccordError):
    def __init__(self, message: str, article: str | None = None) -> None:
        self.article = article
        super().__init__(f"article {article}: {message}" if article else message)


class ResolutionError(AccordError):
    pass


class StorageError(AccordError):
    pass


class ExportError(AccordError):
    pass


class ModelError(AccordError):
    pass
