"""Commands that are planned but not built yet: they say so plainly instead of printing anything fake."""

from __future__ import annotations

from bilateral.cli.common import guard
from bilateral.errors import NotAvailable


@guard
def report() -> None:
    """(not available yet) Write the briefing: one self-contained HTML file."""
    raise NotAvailable("`bilateral report` is not available yet")


@guard
def serve() -> None:
    """(not available yet) Explore the map in a local web app."""
    raise NotAvailable("`bilateral serve` is not available yet")
