"""Plain-text capture cleaning against the seed gold: body kept, boilerplate left, title/author/date found."""

from __future__ import annotations

from typing import Any

import yaml

from benchmarks.common import EVAL, SEEDS, need
from bilateral.clean.capture import clean_capture


def main() -> dict[str, float | int | str]:
    gold: dict[str, Any] = yaml.safe_load(need(EVAL / "seeds_dev_gold.yaml").read_text(encoding="utf-8"))
    kept = total = left = titles = authors = authors_gold = dates = dates_gold = 0
    documents = gold["documents"].values()
    for document in documents:
        lines = need(SEEDS / document["file"]).read_text(encoding="utf-8").splitlines()
        cleaned = clean_capture("\n".join(lines))
        paragraphs = set(cleaned.text.split("\n\n"))
        first, last = document["body_lines"]
        skip = set(document.get("boilerplate_lines", [])) | set(document.get("either_lines", []))
        for number in range(first, last + 1):
            line = lines[number - 1].strip()
            if line and number not in skip:
                total += len(line)
                kept += len(line) * (line in paragraphs)
        left += sum(lines[n - 1].strip() in paragraphs for n in document.get("boilerplate_lines", []))
        titles += cleaned.title == document["title"]
        authors_gold += len(document["authors"])
        authors += len(set(cleaned.authors) & set(document["authors"]))
        authors += 0 if document["authors"] or not cleaned.authors else -1  # an author where none is stated
        dates_gold += document["published"] is not None
        dates += document["published"] is not None and cleaned.published == document["published"]
        dates -= document["published"] is None and cleaned.published is not None
    return {
        "seeds: body characters kept %": round(100 * kept / total, 2),
        "seeds: boilerplate lines left": left,
        "seeds: titles exact": f"{titles}/{len(documents)}",
        "seeds: stated authors found": f"{authors}/{authors_gold}",
        "seeds: stated dates found": f"{dates}/{dates_gold}",
    }


if __name__ == "__main__":
    for name, value in main().items():
        print(f"{name}: {value}")
