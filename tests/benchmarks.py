"""The matcher against outside labelled data: VitaminC and AVeriTeC samples in ../shared/benchmarks.

Each row is a claim and its evidence. The claim becomes an article, the
evidence a source; the row's verdict is ALTERED when any claim is altered,
SUPPORTED when claims are supported and none altered, UNSOURCED otherwise
(including when nothing checkable is found). Prints accuracy, macro-F1 and a
confusion table per set. Run: ``python -m tests.benchmarks``.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from factcheck import Article, Label, Source, check

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"
LABELS = ("SUPPORTED", "ALTERED", "UNSOURCED")


def detokenize(text: str) -> str:
    """VitaminC is tokenised Wikipedia ("Teresa , who ..."): put the punctuation back."""
    text = text.replace("``", "\u201c").replace("''", "\u201d")
    text = re.sub(r"\s+([,.;:!?%)])", r"\1", text)
    text = re.sub(r"([($])\s+", r"\1", text)
    return re.sub(r"\s+'s\b", "'s", text)


def judge_row(claim: str, evidence: str) -> str:
    article = Article.from_text(detokenize(claim).strip() + "\n")
    source = Source.from_text(detokenize(evidence).strip() + "\n", url="benchmark:evidence")
    labels = {v.label for v in check(article, [source]).verdicts}
    if Label.ALTERED in labels:
        return "ALTERED"
    if Label.SUPPORTED in labels:
        return "SUPPORTED"
    return "UNSOURCED"


def scores(pairs: Iterable[tuple[str, str]]) -> tuple[float, float, Counter[tuple[str, str]]]:
    """Accuracy, macro-F1 over the three labels, and the (expected, got) counts."""
    confusion: Counter[tuple[str, str]] = Counter(pairs)
    total = sum(confusion.values())
    accuracy = sum(n for (want, got), n in confusion.items() if want == got) / max(1, total)
    f1s = []
    for label in LABELS:
        tp = confusion[(label, label)]
        fp = sum(n for (want, got), n in confusion.items() if got == label and want != label)
        fn = sum(n for (want, got), n in confusion.items() if want == label and got != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return accuracy, sum(f1s) / len(f1s), confusion


def report(name: str, pairs: list[tuple[str, str]]) -> dict[str, float]:
    accuracy, macro_f1, confusion = scores(pairs)
    print(f"{name}: {len(pairs)} rows, accuracy {accuracy:.2f}, macro-F1 {macro_f1:.2f}")
    print("  expected / got".ljust(18) + "".join(f"{g:>11}" for g in LABELS))
    for want in LABELS:
        print(f"  {want:<16}" + "".join(f"{confusion[(want, got)]:>11}" for got in LABELS))
    return {"accuracy": round(accuracy, 3), "macro_f1": round(macro_f1, 3)}


def rows(name: str) -> list[dict[str, object]]:
    path = BENCHMARKS / name / "sample.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> int:
    if not BENCHMARKS.exists():
        print(f"benchmarks not found at {BENCHMARKS}; skipping outside data")
        return 0
    results = {}
    vitaminc = [(str(r["label"]), judge_row(str(r["claim"]), str(r["evidence"])), bool(r["claim_has_number"]))
                for r in rows("vitaminc")]  # fmt: skip
    results["vitaminc"] = report("VitaminC, all", [(w, g) for w, g, _ in vitaminc])
    results["vitaminc_numbers"] = report("VitaminC, claims with numbers", [(w, g) for w, g, n in vitaminc if n])
    averitec = [(str(r["label"]), judge_row(str(r["claim"]), str(r["evidence"]))) for r in rows("averitec")
                if r.get("strict_eval")]  # fmt: skip
    results["averitec_strict"] = report("AVeriTeC, strict rows", averitec)
    floors = json.loads((ROOT / "fixtures" / "baseline.json").read_text(encoding="utf-8")).get("benchmarks", {})
    failed = [
        f"{name} {metric} {results[name][metric]:.3f} < floor {floor}"
        for name, metric_floors in floors.items()
        for metric, floor in metric_floors.items()
        if results.get(name, {}).get(metric, 0.0) < floor
    ]
    if failed:
        print("BELOW THE FLOOR: " + "; ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
