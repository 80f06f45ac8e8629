"""Train the genre model: a multinomial logistic regression (numpy) over the cue rates of genre.py.

Labels are weak: news and opinion come from the URL section of the SemEval-2019 hyperpartisan articles
("/news/" vs "/opinion/", "op-ed", "column" ...; the URL is never a model input), analysis and statement from
short examples written for this project below. Writes models/genre.json; same data → same bytes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bilateral.compare.genre import FEATURES, GENRES, MODEL_PATH, cues
from bilateral.compare.train_partisan import DATA, html_text

L2 = 1e-2
STEPS = 3000

# Written for this project (not copied): generic examples of the two genres the news corpus lacks.
WRITTEN: dict[str, list[str]] = {
    "analysis": [
        "Three factors explain why the talks may stall. First, the budget gap has widened to 4.1% of GDP, which "
        "limits what either government could offer. Second, elections in 2024 are likely to harden positions. "
        "Third, the mechanism for resolving disputes remains untested, and it is unclear whether panels would "
        "rule quickly. If these pressures persist, the most probable scenario is a partial deal.",
        "What is at stake\nThe agreement covers roughly $600 billion in annual trade. Its rules of origin for cars "
        "rose from 62.5% to 75%, a change that could shift supply chains over the next decade. Analysts expect "
        "the effects to be uneven: parts makers may gain, while assemblers probably face higher costs.\n"
        "Why it matters\nThe outcome will likely shape investment decisions well beyond the sector.",
        "The numbers suggest a more complicated picture. Crossings fell by 30% in the first quarter but rose "
        "again in May, which appears to reflect seasonal patterns rather than policy. Whether the new rules "
        "change behaviour depends on enforcement capacity, which remains limited. Two scenarios seem plausible.",
        "Background\nSince 2018 the two governments have tried to balance cooperation on security with disputes "
        "over energy policy. The tension is structural: one side seeks investment, the other seeks control of "
        "state firms. The likely result is a period of managed friction, with occasional flare-ups that could "
        "test the relationship.",
        "How the dispute could unfold\nA panel ruling is expected within 150 days. If it finds against the "
        "measures, retaliatory tariffs of up to $3 billion may follow, although both sides would probably "
        "negotiate first. The precedent from 2019 suggests a settlement is more likely than escalation.",
        "The shift in priorities reflects both domestic politics and external pressure. Remittances reached $51 "
        "billion in 2021, about 4% of GDP, which makes migration policy an economic question as much as a "
        "security one. Over the medium term, demographic trends are likely to reduce flows, but the short-term "
        "outlook remains uncertain.",
    ],
    "statement": [
        "The Ministry of Foreign Affairs welcomes the agreement reached today and reaffirms its commitment to "
        "dialogue. We call on all parties to implement the measures in full.\nMedia contact: press office, "
        "+1 555 0100\n###",
        "FOR IMMEDIATE RELEASE\nThe Department announces new funding of $20 million for border health "
        "programmes. We remain committed to working with our partners to protect communities.\nFor more "
        "information, contact the Office of Public Affairs.",
        "Joint statement by the two governments\nWe reaffirm our shared commitment to security, prosperity and "
        "respect for sovereignty. We welcome the progress of the working groups and agree to meet again in "
        "the autumn. We urge all stakeholders to support this effort.",
        "The Government condemns in the strongest terms the attack on civilians and expresses its condolences "
        "to the families of the victims. We call on the authorities to bring those responsible to justice. We "
        "stand ready to offer assistance.",
        "The Embassy expresses its deep concern at the decision and urges a return to negotiations. We are "
        "committed to the rules-based trading system and will continue to defend the interests of our "
        "exporters.\nAbout the Embassy: it represents the government in all bilateral matters.",
        "Statement by the Secretary on the anniversary of the agreement\nToday we celebrate ten years of "
        "partnership. We welcome the renewed cooperation and reaffirm that our countries remain committed to "
        "safe, orderly and regular migration.\n- ends -",
    ],
}
_OPINION_URL = re.compile(r"opinion|op-?ed|commentary|editorial|column|blog", re.I)
_NEWS_URL = re.compile(r"/news/|/politics/|/world/|/us-news/", re.I)


def labelled(path: Path) -> list[tuple[str, str, str]]:
    """(genre, title, text) triples: URL-section weak labels, then the written examples."""
    rows: list[tuple[str, str, str]] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            url = record.get("url") or ""
            genre = "opinion" if _OPINION_URL.search(url) else "news" if _NEWS_URL.search(url) else None
            if genre is not None:
                rows.append((genre, record.get("title") or "", html_text(record["html"])))
    for genre, texts in sorted(WRITTEN.items()):
        rows.extend((genre, "", text) for text in texts)
    return rows


def fit(
    x: npt.NDArray[np.float64], y: npt.NDArray[np.int64], weights: npt.NDArray[np.float64]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Softmax regression, class-weighted log-loss + L2, plain gradient descent (deterministic)."""
    n_classes = len(GENRES)
    w = np.zeros((n_classes, x.shape[1]))
    b = np.zeros(n_classes)
    onehot = np.eye(n_classes)[y]
    total = weights.sum()
    for _ in range(STEPS):
        scores = x @ w.T + b
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        error = (p - onehot) * weights[:, None] / total
        w -= 0.5 * (error.T @ x + L2 * w)
        b -= 0.5 * error.sum(axis=0)
    return w, b


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    if not args.data.exists():
        sys.stderr.write(f"error: training data {args.data} not found — pass --data path/to/train.jsonl\n")
        return 2
    rows = labelled(args.data)
    x = np.array([[cues(text, title)[name] for name, _ in FEATURES] for _, title, text in rows])
    y = np.array([GENRES.index(genre) for genre, _, _ in rows])
    mean = x.mean(axis=0)
    std = x.std(axis=0)
    std[std == 0] = 1.0
    counts = np.bincount(y, minlength=len(GENRES))
    sample_weights = 1.0 / counts[y]  # each genre counts the same, however few examples it has
    w, b = fit((x - mean) / std, y, sample_weights)
    model = {
        "classes": list(GENRES),
        "features": [name for name, _ in FEATURES],
        "mean": [round(float(v), 6) for v in mean],
        "std": [round(float(v), 6) for v in std],
        "weights": [[round(float(v), 6) for v in row] for row in w],
        "bias": [round(float(v), 6) for v in b],
        "examples": {genre: int(count) for genre, count in zip(GENRES, counts, strict=True)},
        "labels": "news/opinion: URL section of SemEval-2019 Task 4 by-article training articles (Kiesel et al. "
        "2019, CC BY 4.0), URL not a feature; analysis/statement: short examples written for this project",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"genre model written to {args.out}: {model['examples']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
