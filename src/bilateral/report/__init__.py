"""The briefing: the map as one self-contained, printable HTML file."""

from bilateral.report.briefing import write_briefing

__all__ = ["write_briefing"]
