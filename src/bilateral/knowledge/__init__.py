"""Knowledge packs: YAML files holding what bilateral knows (countries, actors, issues, event patterns).

Each pack is one YAML mapping with `pack` (a name), `kind` (which stage reads it) and the kind's own keys.
Built-in packs ship in `packs/`; a user adds or overrides them with `--knowledge DIR`. Packs read later win,
so a user's entry overrides a built-in one. Each stage validates its own kind with `require`.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml

from bilateral.errors import KnowledgeError

BUILTIN = Path(__file__).parent / "packs"
T = TypeVar("T")


@dataclass(frozen=True)
class Pack:
    name: str
    kind: str
    path: Path
    data: dict[str, Any]

    @property
    def language(self) -> str | None:
        """The language (ISO 639-1) the pack's words are in, from its `language` key; None: English."""
        language = self.data.get("language")
        return None if language in (None, "en") else str(language)


@dataclass(frozen=True)
class Packs:
    """All packs in load order (built-in first, then the user's directories in the order given). `of_kind` gives
    the packs for documents in `language`: the language-neutral and English ones, plus that language's packs."""

    packs: tuple[Pack, ...]
    language: str = "en"

    def of_kind(self, kind: str) -> list[Pack]:
        return [pack for pack in self.packs if pack.kind == kind and pack.language in (None, self.language)]

    def for_language(self, language: str) -> Packs:
        """The same packs, read for documents in `language` (ISO 639-1)."""
        return replace(self, language=language)

    @property
    def fingerprint(self) -> str:
        """Changes whenever any pack's content changes: lets callers recompute only what knowledge affects."""
        import hashlib

        digest = hashlib.sha256()
        for pack in self.packs:
            digest.update(pack.path.read_bytes())
        return digest.hexdigest()[:16]


# libyaml's safe loader where installed (the compiled world pack is large), the same safe subset
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeys(_LOADER):  # type: ignore[valid-type,misc]
    """The safe loader, refusing a key given twice in one mapping (YAML would keep the last one silently)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, Hashable) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} is given twice in one mapping", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


def read_pack(path: Path) -> Pack:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeys)
    except (OSError, UnicodeDecodeError) as e:
        raise KnowledgeError(f"cannot read knowledge pack {path}: {e}") from e
    except yaml.YAMLError as e:
        raise KnowledgeError(f"knowledge pack {path} is not valid YAML: {e}") from e
    if not isinstance(data, dict):
        raise KnowledgeError(f"knowledge pack {path} must be a mapping with `pack` and `kind` keys")
    name = require(data, "pack", str, where=str(path))
    kind = require(data, "kind", str, where=str(path))
    return Pack(name=name, kind=kind, path=path, data=data)


def _pack_files(folder: Path) -> Iterable[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file())


def load_packs(extra: Sequence[Path] = ()) -> Packs:
    """Built-in packs plus the user's folders (`--knowledge DIR`), validated on load."""
    folders = [BUILTIN, *extra]
    for folder in extra:
        if not folder.is_dir():
            raise KnowledgeError(f"knowledge folder {folder} does not exist", hint="pass a folder of .yaml packs")
    return Packs(tuple(read_pack(path) for folder in folders for path in _pack_files(folder)))


@cache
def builtin_packs() -> Packs:
    return load_packs()


def require(entry: dict[str, Any], key: str, kind: type[T], *, where: str, default: T | None = None) -> T:
    """The value of `key` in a pack entry, checked to be of `kind`; a clear KnowledgeError otherwise."""
    if key not in entry or entry[key] is None:
        if default is not None:
            return default
        raise KnowledgeError(f"{where}: missing required key {key!r}")
    value = entry[key]
    if not isinstance(value, kind):
        raise KnowledgeError(
            f"{where}: key {key!r} must be {kind.__name__}, got {type(value).__name__} ({value!r:.60})"
        )
    return value
