"""Genre of one document (news, opinion, analysis, statement) from cues a reader would use.

A small multinomial logistic regression over cue rates (models/genre.json, see train_genre.py) gives each genre
a probability: opinion pieces speak in the first person, judge (evaluative adjectives) and call to act ("must",
"it is time to"); news attributes and quotes. A label the document gives itself ("Opinion", "Analysis", "Press
release") or a press contact block decides the genre outright; the score is then still the model's own
probability for it (never a floor), and the features say what decided. The cue words live in the `genre` pack.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from bilateral.compare import Genre
from bilateral.knowledge import builtin_packs, require
from bilateral.model import Article

GENRES = ("news", "opinion", "analysis", "statement")
MODEL_PATH = Path(__file__).parent / "models" / "genre.json"

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_SENTENCE_END = re.compile(r"[.!?]+[\"”’]?(?:\s|$)")
_QUOTE = re.compile(r"[\"“][^\"”]{3,}[\"”]")
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]{2,}(?:,\s*[A-Za-z. ]+)?\s*(?:\([A-Za-z .]+\))?\s*[—–-]{1,2}\s")
_CONTACT = re.compile(
    r"(?im)^\s*(?:media contacts?|press contacts?|contact|for more information|about [A-Z][\w .&-]+)\s*:?"
    r"|^\s*###\s*$|^\s*-\s*ends\s*-\s*$"
)
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
INSTITUTIONAL = re.compile(
    r"\b(?:we (?:welcome|condemn|reaffirm|call on|urge|remain committed|are committed)|the (?:ministry|government|"
    r"department|embassy|office) (?:of [A-Z][\w ]+ )?(?:welcomes|condemns|announces|reaffirms|expresses))\b",
    re.I,
)


@dataclass(frozen=True)
class Lexicon:
    """The `genre` pack's word lists and phrases, ready to count."""

    first_singular: frozenset[str]
    first_plural: frozenset[str]
    second: frozenset[str]
    evaluative: frozenset[str]
    hedges: frozenset[str]
    calls_to_act: re.Pattern[str]
    attribution: re.Pattern[str]
    labels: tuple[tuple[str, re.Pattern[str]], ...]


def _phrases(words: list[str]) -> re.Pattern[str]:
    alternatives = sorted((re.escape(str(w)).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.I)


@cache
def lexicon() -> Lexicon:
    """The built-in `genre` pack (the model was trained on it)."""
    [pack] = builtin_packs().of_kind("genre")
    data = pack.data

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in require(data, key, list, where=pack.name))

    labels = require(data, "labels", dict, where=pack.name)
    return Lexicon(
        first_singular=words("first_singular"),
        first_plural=words("first_plural"),
        second=words("second"),
        evaluative=words("evaluative"),
        hedges=words("hedges"),
        calls_to_act=_phrases(require(data, "calls_to_act", list, where=pack.name)),
        attribution=_phrases(require(data, "attribution", list, where=pack.name)),
        labels=tuple((str(genre), _phrases(list(phrases))) for genre, phrases in labels.items()),
    )


# name → what a person reads in Genre.features; the order is the model's column order.
FEATURES = (
    ("attribution", "attribution verbs ('said') per sentence"),
    ("first_singular", "first person singular per 100 words"),
    ("first_plural", "first person plural 'we' per 100 words"),
    ("second", "second person 'you' per 100 words"),
    ("evaluative", "evaluative adjectives per 100 words"),
    ("hedges", "hedges per 100 words"),
    ("obligation", "calls to act ('should', 'must', 'it is time to') per 100 words"),
    ("quotes", "quotations per sentence"),
    ("dateline", "dateline"),
    ("subheadings", "subheadings"),
    ("numbers", "numbers per 100 words"),
    ("institutional", "institutional voice ('we welcome', 'the ministry condemns')"),
)


def cues(text: str, title: str | None = None) -> dict[str, float]:
    """Cue rates of one text; counts are normalised so long and short documents compare."""
    # "US" and "IT" in capitals are a country and a field, not pronouns
    words = [word.lower() if not word.isupper() or len(word) == 1 else word for word in _WORD.findall(text)]
    per_100 = 100 / max(len(words), 1)
    n_sentences = max(len(_SENTENCE_END.findall(text)), 1)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    subheadings = sum(
        1 for line in lines if 1 < len(line.split()) <= 10 and line[-1] not in '.!?:;,"”’' and line[0].isupper()
    )
    cue = lexicon()
    obligation = len(cue.calls_to_act.findall(text))
    return {
        "attribution": len(cue.attribution.findall(text)) / n_sentences,
        "first_singular": sum(word in cue.first_singular for word in words) * per_100,
        "first_plural": sum(word in cue.first_plural for word in words) * per_100,
        "second": sum(word in cue.second for word in words) * per_100,
        "evaluative": sum(word in cue.evaluative for word in words) * per_100,
        "hedges": sum(word in cue.hedges for word in words) * per_100,
        "obligation": obligation * per_100,
        "quotes": len(_QUOTE.findall(text)) / n_sentences,
        "dateline": 1.0 if lines and _DATELINE.match(lines[0]) else 0.0,
        "subheadings": min(subheadings, 5) / 5,
        "numbers": len(_NUMBER.findall(text)) * per_100,
        "institutional": min(len(INSTITUTIONAL.findall(text)), 3) / 3,
    }


def explicit_label(article: Article) -> tuple[str, str] | None:
    """A genre the document states about itself (title, first lines, URL section), and where it was found."""
    head = "\n".join(article.text.splitlines()[:3])[:300]
    found: list[tuple[int, str, str]] = []
    for place, value in (("title", article.title or ""), ("first lines", head), ("URL", article.url or "")):
        for genre, pattern in lexicon().labels:
            match = pattern.search(value)
            if match:
                found.append((match.start(), genre, f"'{match.group(0)}' label in {place}"))
        if found:
            break
    if not found:
        return None
    _, genre, why = min(found)
    return genre, why


@cache
def load_model(path: Path = MODEL_PATH) -> dict[str, Any]:
    model: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return model


def probabilities(values: dict[str, float], model: dict[str, Any]) -> dict[str, float]:
    scaled = [
        (values[name] - mean) / std for (name, _), mean, std in zip(FEATURES, model["mean"], model["std"], strict=True)
    ]
    scores = [
        bias + sum(w * x for w, x in zip(row, scaled, strict=True))
        for row, bias in zip(model["weights"], model["bias"], strict=True)
    ]
    top = max(scores)
    exps = [math.exp(score - top) for score in scores]
    total = sum(exps)
    return {genre: value / total for genre, value in zip(model["classes"], exps, strict=True)}


def _deciding(values: dict[str, float], model: dict[str, Any], genre: str) -> list[str]:
    """The cues that pushed most toward the chosen genre, as a person would name them."""
    row = model["weights"][model["classes"].index(genre)]
    pushes = []
    for (name, label), weight, mean, std in zip(FEATURES, row, model["mean"], model["std"], strict=True):
        push = weight * (values[name] - mean) / std
        if push > 0.1:
            level = "high" if values[name] > mean else "low"
            pushes.append((-push, f"{level} {label}: {values[name]:.2f}"))
    return [text for _, text in sorted(pushes)[:4]]


def classify_genre(article: Article, doc: Any | None = None) -> Genre:
    """Genre of the article. `doc` (a spaCy Doc) is accepted for symmetry with other stages; cues need no parse."""
    values = cues(article.text, article.title)
    model = load_model()
    chances = probabilities(values, model)
    stated = explicit_label(article)
    if stated is not None:  # the document says what it is; the score stays the cues' own probability
        genre, why = stated
        return Genre(genre, round(chances[genre], 4), [f"{why} (decides)", *_deciding(values, model, genre)])
    if _CONTACT.search(article.text) and values["institutional"] > 0:
        deciding = ["press release contact block (decides)", *_deciding(values, model, "statement")]
        return Genre("statement", round(chances["statement"], 4), deciding)
    genre = max(GENRES, key=lambda name: (chances[name], name))
    return Genre(genre, round(chances[genre], 4), _deciding(values, model, genre) or ["no strong cue; model prior"])
