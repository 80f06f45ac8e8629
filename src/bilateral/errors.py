"""The one exception family of bilateral.

Every error carries what happened and what to do next; the CLI and the web layer translate it once
(`error: <what happened> — <what to do>`), everything below them only raises.
"""

from __future__ import annotations


class BilateralError(Exception):
    """Base of every error bilateral raises on purpose."""

    hint = "see `bilateral --help`"
    http_status = 500

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} — {self.hint}"


class UnreadableSource(BilateralError):
    """One input (file, URL, feed item, archive record) could not be read or cleaned."""

    hint = "it was skipped; check the file or URL and ingest it again"
    http_status = 422

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class SourceNotFound(BilateralError):
    hint = "check the path or URL; folders are read recursively"
    http_status = 404


class EmptyResult(BilateralError):
    """A command found nothing to work on (no readable input, an empty store)."""

    hint = "give files, folders or URLs that hold articles (.txt .md .html, JSONL, WARC, feeds)"
    http_status = 404


class PortInUse(BilateralError):
    hint = "another program (perhaps another `bilateral serve`) uses that port; pass --port with another number"


class StoreLocked(BilateralError):
    hint = "another bilateral process is writing to this database; wait for it or use --db with another file"
    http_status = 503


class StoreError(BilateralError):
    hint = "the database file may be damaged or from a newer bilateral; use --db with a new file"


class DiskFull(BilateralError):
    """The disk (or quota) ran out while writing the store or an output; what was committed before stays."""

    hint = "free some disk space (or write elsewhere with --db / --out) and run the command again"
    http_status = 507


def is_disk_full(error: BaseException) -> bool:
    """Whether an OSError says the disk, a quota or the file size limit ran out (the store's fault, not an input's)."""
    import errno

    return isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


class BadQuery(BilateralError):
    hint = 'use plain words, "quoted phrases", AND/OR/NOT, or a trailing * for prefixes'
    http_status = 400


class KnowledgeError(BilateralError):
    hint = "fix the knowledge pack file named above; see the README section on knowledge packs"
    http_status = 500


class StageError(BilateralError):
    """An analysis stage raised or returned something that is not what the runner expects."""

    hint = "this is a bug in bilateral; please report it with the document that triggered it"

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(f"stage {stage!r} failed: {reason}")
        self.stage = stage
        self.reason = reason


class NotAvailable(BilateralError):
    hint = "this command is planned but not built yet; see the README for what works today"
