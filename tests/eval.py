"""``nox -s eval``: extraction recall/precision and verdict accuracy over fixtures/cases.

Prints a line per case and the totals, then fails (exit 1) when a total falls
below its floor in fixtures/baseline.json. Run: ``python -m tests.eval``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter

from tests.scoring import BASELINE, LABELS, CaseScore, baseline, score_all


def main() -> int:
    scores = list(score_all())
    if "--update-known" in sys.argv:
        _write_known(scores)
    print(f"{'case':<42} {'claims':>6} {'recall':>7} {'precis.':>7} {'accur.':>7}")
    for s in scores:
        print(f"{s.name:<42} {len(s.outcomes):>6} {s.recall:>7.2f} {s.precision:>7.2f} {s.accuracy:>7.2f}")
    outcomes = [o for s in scores for o in s.outcomes]
    extracted = sum(s.extracted for s in scores)
    unlisted = sum(len(s.unlisted) for s in scores)
    totals = {
        "recall": sum(o.found for o in outcomes) / max(1, len(outcomes)),
        "precision": (extracted - unlisted) / max(1, extracted),
        "accuracy": sum(o.correct for o in outcomes) / max(1, len(outcomes)),
    }
    print(
        f"{'ALL (' + str(len(scores)) + ' cases)':<42} {len(outcomes):>6} "
        f"{totals['recall']:>7.2f} {totals['precision']:>7.2f} {totals['accuracy']:>7.2f}"
    )
    print()
    print("verdict accuracy per expected label (found claims and misses both count):")
    confusion: Counter[tuple[str, str]] = Counter((o.expected, o.got or "missed") for o in outcomes)
    print("expected / got".ljust(16) + "".join(f"{g:>11}" for g in (*LABELS, "missed")) + f"{'accuracy':>10}")
    for label in LABELS:
        row = [confusion[(label, g)] for g in (*LABELS, "missed")]
        total = sum(row)
        accuracy = confusion[(label, label)] / max(1, total)
        print(f"{label:<16}" + "".join(f"{n:>11}" for n in row) + f"{accuracy:>10.2f}")
    floors = baseline()["floors"]
    failed = [f"{name} {totals[name]:.3f} < floor {floor}" for name, floor in floors.items() if totals[name] < floor]
    print()
    if failed:
        print("BELOW THE FLOOR: " + "; ".join(failed))
        return 1
    print("floors met: " + ", ".join(f"{name} ≥ {floor}" for name, floor in floors.items()))
    return 0


def _write_known(scores: list[CaseScore]) -> None:
    """Record today's disagreements as the known misses (review the diff before committing it)."""
    known: dict[str, dict[str, object]] = {}
    for s in scores:
        for o in s.outcomes:
            if not o.correct:
                got = o.got or "not extracted"
                reason = f"expected {o.expected}, tool says {got}" + (f": {o.explanation}" if o.explanation else "")
                known.setdefault(s.name, {})[o.quote] = reason[:300]
        if s.unlisted:
            known.setdefault(s.name, {})["<unlisted>"] = s.unlisted
    data = baseline()
    data["known_misses"] = known
    BASELINE.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {sum(len(v) for v in known.values())} known misses to {BASELINE}")


if __name__ == "__main__":
    sys.exit(main())
