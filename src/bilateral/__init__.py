"""bilateral: rebuild the relationship between countries from what is written about it."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("bilateral")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
