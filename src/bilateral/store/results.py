"""A document's analysis as stored plain data: zlib-compressed JSON, read back into the same dataclasses.

The per-document tables are changed by the corpus pass (actor merges, countries and dates filled in); the stored
result keeps what the stages returned, so the tables can be rewritten from it without parsing again.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
import zlib
from typing import Any

from bilateral.compare import FrameUse, Genre, Stance
from bilateral.model import Analysis


def encode(analysis: Analysis) -> bytes:
    """The analysis as compressed JSON (tuples become lists; `decode` restores them from the field types)."""
    text = json.dumps(dataclasses.asdict(analysis), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return zlib.compress(text.encode(), 6)


def decode(blob: bytes) -> Analysis:
    """The Analysis `encode` stored; ValueError when the blob is not one."""
    try:
        value = json.loads(zlib.decompress(blob))
    except (zlib.error, json.JSONDecodeError) as e:
        raise ValueError(f"not a stored analysis ({e})") from e
    try:
        result = _build(Analysis, value)
    except (KeyError, TypeError, ValueError) as e:  # written by a version whose Analysis had other fields
        raise ValueError(f"a stored analysis of another shape ({type(e).__name__}: {e})") from e
    assert isinstance(result, Analysis)
    return result


# names the model's postponed annotations refer to
_NAMES = {"FrameUse": FrameUse, "Genre": Genre, "Stance": Stance}


def _build(kind: Any, value: Any) -> Any:
    """`value` (parsed JSON) as an instance of the annotated type `kind`."""
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = typing.get_type_hints(kind, localns=_NAMES)
        return kind(**{f.name: _build(hints[f.name], value[f.name]) for f in dataclasses.fields(kind) if f.init})
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        (inner,) = [arg for arg in args if arg is not type(None)]
        return _build(inner, value)
    if origin is list:
        return [_build(args[0], item) for item in value]
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], item) for item in value)
        return tuple(_build(arg, item) for arg, item in zip(args, value, strict=True))
    if origin is dict:
        return {key: _build(args[1], item) for key, item in value.items()}
    return value
