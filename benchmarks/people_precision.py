"""Precision of person–role pairs and of quote attribution on the project's test corpus.

    .venv/bin/python benchmarks/people_precision.py

Reads the person and quote cases of tests/event_cases.py (sentences written by the project),
runs the real pipeline on each text and counts:

- person–role pairs: every person bilat reports with a role, right when the name, the role
  and the country are those the case expects;
- quote attribution: every quote bilat reports, right when the speaker and the opening
  words are those the case expects.

Recall is printed beside each precision. The target for both precisions is 0.9.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 0.9


def measure(kind: str, with_role_only: bool) -> tuple[int, int, int]:
    """(right, reported, expected) over the cases of one fact type."""
    from event_cases import CASES, PUBLISHED, render

    from bilat.extract import extract
    from bilat.model import Document
    from bilat.nlp import analyse

    right = reported = expected_total = 0
    for text, case_kind, expected in CASES:
        if case_kind != kind:
            continue
        document = Document(text=text, source="bench", name="bench", kind="txt", date=PUBLISHED)
        facts = [f.to_json() for f in extract(analyse(document)) if f.type == kind]
        if with_role_only:
            facts = [f for f in facts if f.get("role")]
            expected = [e for e in expected if "| None |" not in e]
        got = [render(f) for f in facts]
        left = list(expected)
        for line in got:
            if line in left:
                left.remove(line)
                right += 1
        reported += len(got)
        expected_total += len(expected)
    return right, reported, expected_total


def main() -> int:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests"))
    for label, kind, with_role in (
        ("person-role pairs", "person", True),
        ("quote attribution", "quote", False),
    ):
        right, reported, expected = measure(kind, with_role)
        precision = right / reported if reported else 0.0
        recall = right / expected if expected else 0.0
        verdict = "ok" if precision >= TARGET else f"below the {TARGET} target"
        print(
            f"{label:18} precision {precision:.3f} ({right}/{reported})  "
            f"recall {recall:.3f} ({right}/{expected})  {verdict}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
