"""The briefing: the map as a short printable analysis in one self-contained HTML file, with its evidence beside it."""

from bilateral.report.briefing import evidence_path, write_briefing

__all__ = ["evidence_path", "write_briefing"]
