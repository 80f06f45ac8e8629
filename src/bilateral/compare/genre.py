"""Genre of one document (news, opinion, analysis, statement) from cues a reader would use.

Explicit labels ("Opinion", "Analysis", "Press release") and a press contact block decide outright; otherwise a
small multinomial logistic regression over cue rates (models/genre.json, see train_genre.py) picks the genre.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path
from typing import Any

from bilateral.compare import Genre
from bilateral.model import Article

GENRES = ("news", "opinion", "analysis", "statement")
MODEL_PATH = Path(__file__).parent / "models" / "genre.json"

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_SENTENCE_END = re.compile(r"[.!?]+[\"”’]?(?:\s|$)")
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|according to|stated|added|announced|reported|confirmed|noted|explained)\b", re.I
)
_QUOTE = re.compile(r"[\"“][^\"”]{3,}[\"”]")
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]{2,}(?:,\s*[A-Za-z. ]+)?\s*(?:\([A-Za-z .]+\))?\s*[—–-]{1,2}\s")
_CONTACT = re.compile(
    r"(?im)^\s*(?:media contacts?|press contacts?|contact|for more information|about [A-Z][\w .&-]+)\s*:?"
    r"|^\s*###\s*$|^\s*-\s*ends\s*-\s*$"
)
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_LABELS = (
    ("opinion", re.compile(r"\b(?:opinion|op-ed|commentary|editorial|column|viewpoint|perspective)\b", re.I)),
    ("analysis", re.compile(r"\b(?:analysis|explainer|in depth|backgrounder)\b", re.I)),
    ("statement", re.compile(r"\b(?:press release|for immediate release|joint statement|statement by)\b", re.I)),
)
FIRST_SINGULAR = {"i", "me", "my", "mine", "myself"}
FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
SECOND = {"you", "your", "yours", "yourself"}
EVALUATIVE = {
    "absurd", "appalling", "bad", "best", "brilliant", "catastrophic", "cruel", "disastrous", "disgraceful",
    "dangerous", "foolish", "frivolous", "good", "great", "hypocritical", "illegitimate", "inhumane", "irresponsible",
    "misguided", "outrageous", "pathetic", "reckless", "ridiculous", "shameful", "shameless", "stupid", "terrible",
    "unacceptable", "unjust", "wise", "wrong", "worst", "courageous", "cynical", "scandalous", "deplorable",
    "brutal", "failed", "grotesque", "indispensable", "vital", "sad", "naive", "dishonest",
}  # fmt: skip
HEDGES = {
    "may", "might", "could", "likely", "unlikely", "perhaps", "probably", "possibly", "appears", "seems",
    "suggests", "arguably", "potential", "potentially", "uncertain", "whether", "scenario", "expected",
}  # fmt: skip
INSTITUTIONAL = re.compile(
    r"\b(?:we (?:welcome|condemn|reaffirm|call on|urge|remain committed|are committed)|the (?:ministry|government|"
    r"department|embassy|office) (?:of [A-Z][\w ]+ )?(?:welcomes|condemns|announces|reaffirms|expresses))\b",
    re.I,
)

# name → what a person reads in Genre.features; the order is the model's column order.
FEATURES = (
    ("attribution", "attribution verbs ('said') per sentence"),
    ("first_singular", "first person singular per 100 words"),
    ("first_plural", "first person plural 'we' per 100 words"),
    ("second", "second person 'you' per 100 words"),
    ("evaluative", "evaluative adjectives per 100 words"),
    ("hedges", "hedges per 100 words"),
    ("obligation", "'should/must/need to' per 100 words"),
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
    obligation = len(re.findall(r"\b(?:should|must|ought to|needs? to)\b", text, re.I))
    return {
        "attribution": len(_ATTRIBUTION.findall(text)) / n_sentences,
        "first_singular": sum(word in FIRST_SINGULAR for word in words) * per_100,
        "first_plural": sum(word in FIRST_PLURAL for word in words) * per_100,
        "second": sum(word in SECOND for word in words) * per_100,
        "evaluative": sum(word in EVALUATIVE for word in words) * per_100,
        "hedges": sum(word in HEDGES for word in words) * per_100,
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
        for genre, pattern in _LABELS:
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


def _impersonal_explanation(values: dict[str, float], text: str) -> list[str]:
    """Analysis pieces explain under subheadings in an impersonal voice, quoting and attributing little.

    A rule rather than the model, because the model has only a handful of analysis examples to learn from.
    """
    personal = values["first_singular"] + values["first_plural"] + values["second"]
    if (
        personal < 0.2
        and values["quotes"] < 0.08
        and values["attribution"] < 0.1
        and values["subheadings"] >= 0.4
        and len(text.split()) > 300
    ):
        return [
            f"impersonal voice (first/second person per 100 words: {personal:.2f})",
            f"few quotations per sentence: {values['quotes']:.2f}",
            f"few attribution verbs per sentence: {values['attribution']:.2f}",
            f"subheadings: {round(values['subheadings'] * 5)}{'+' if values['subheadings'] >= 1 else ''}",
        ]
    return []


def classify_genre(article: Article, doc: Any | None = None) -> Genre:
    """Genre of the article. `doc` (a spaCy Doc) is accepted for symmetry with other stages; cues need no parse."""
    values = cues(article.text, article.title)
    model = load_model()
    chances = probabilities(values, model)
    stated = explicit_label(article)
    if stated is not None:
        genre, why = stated
        return Genre(genre, round(max(chances[genre], 0.9), 4), [why, *_deciding(values, model, genre)])
    if _CONTACT.search(article.text) and values["institutional"] > 0:
        return Genre("statement", round(max(chances["statement"], 0.8), 4), ["press release contact block"])
    analytic = _impersonal_explanation(values, article.text)
    if analytic:
        return Genre("analysis", round(max(chances["analysis"], 0.6), 4), analytic)
    genre = max(GENRES, key=lambda name: (chances[name], name))
    return Genre(genre, round(chances[genre], 4), _deciding(values, model, genre) or ["no strong cue; model prior"])
