#!/usr/bin/env python3
"""The real development set: articles from public Russian news, annotated by the project.

    python3 eval/real/realset.py fetch            # bring the texts into the cache
    python3 eval/real/realset.py score --split learn --verbose
    python3 eval/real/realset.py score --split check   # figures only, never the misses
    python3 eval/real/realset.py build ANNOTATIONS.jsonl…  # cases.jsonl from annotations

The repository holds only ``cases.jsonl``: each article's URL, the query that found it, the
sha1 of the excerpt that was annotated and its gold facts, whose evidence is a pair of
character offsets into that excerpt. The texts live in a cache outside the repository
(``$BILAT_REAL_CACHE``, by default ``~/.cache/bilat/real/texts/<id>.txt``). ``fetch`` fills
it from the URLs where the network allows; a text whose sha1 differs from the annotated
excerpt is kept but reported, since its gold facts may no longer match it.

The ``check`` split is for measurement only: ``score --split check`` prints the scores and
refuses ``--verbose``, so that no rule is written from it.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases.jsonl"
SHARED_EVAL = HERE.parents[2] / "shared" / "eval"
RESERVED = SHARED_EVAL / "reserved_urls.sha1"
SPLITS = ("learn", "check")


def cache_dir() -> Path:
    default = Path.home() / ".cache" / "bilat" / "real"
    return Path(os.environ.get("BILAT_REAL_CACHE", default))


def text_path(case_id: str) -> Path:
    return cache_dir() / "texts" / f"{case_id}.txt"


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def split_of(url: str) -> str:
    """Fixed by the URL alone, before any rule is written: a third of the set is for checking."""
    return "check" if int(sha1(url), 16) % 3 == 0 else "learn"


def load_cases(split: str = "all") -> list[dict[str, Any]]:
    with CASES.open(encoding="utf-8") as fh:
        cases = [json.loads(line) for line in fh if line.strip()]
    return [c for c in cases if split == "all" or c["split"] == split]


def cached_text(case: dict[str, Any]) -> str | None:
    path = text_path(case["id"])
    return path.read_text(encoding="utf-8") if path.is_file() else None


def missing_texts(cases: list[dict[str, Any]]) -> list[str]:
    return [c["id"] for c in cases if not text_path(c["id"]).is_file()]


# --- build ---------------------------------------------------------------------------------


def reserved_hashes() -> set[str]:
    if not RESERVED.is_file():
        sys.exit(f"{RESERVED} not found: cannot tell which URLs are kept for measurement")
    return {line.strip() for line in RESERVED.read_text().splitlines() if line.strip()}


def build(paths: list[str]) -> None:
    """Annotations with evidence as quotes (kept in the cache) → cases.jsonl with offsets."""
    reserved = reserved_hashes()
    rows: dict[str, dict[str, Any]] = {}
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = _case_row(json.loads(line), reserved)
                if row and row["url"] not in {r["url"] for r in rows.values()}:
                    rows[row["id"]] = row
    with CASES.open("w", encoding="utf-8") as out:
        for row in sorted(rows.values(), key=lambda r: r["id"]):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts = {s: sum(r["split"] == s for r in rows.values()) for s in SPLITS}
    print(f"{len(rows)} cases written to {CASES} ({counts})")


def _case_row(note: dict[str, Any], reserved: set[str]) -> dict[str, Any] | None:
    url = note["url"]
    if sha1(url) in reserved:
        print(f"skipped {url}: reserved for the independent measurement")
        return None
    case_id = "r" + sha1(url)[:12]
    text = text_path(case_id).read_text(encoding="utf-8")
    facts = []
    for fact in note["facts"]:
        quote = fact.pop("evidence", None)
        start = text.find(quote) if quote else -1
        if quote and start < 0:
            sys.exit(f"{case_id}: evidence not in the text: {quote[:60]}…")
        if quote:
            fact["evidence"] = {"start": start, "end": start + len(quote)}
        facts.append(fact)
    return {
        "id": case_id,
        "url": url,
        "query": note.get("query"),
        "outlet": note.get("outlet"),
        "published": note.get("published"),
        "doc_date": note.get("doc_date"),
        "split": split_of(url),
        "excerpt_sha1": sha1(text),
        "excerpt_chars": len(text),
        "note": _without_quotes(note.get("note")),
        "facts": facts,
    }


# Four Russian words in a row in an annotator's note are a quote of the article; the
# repository keeps no text of it.
_QUOTED = re.compile(r"[«\"']?[А-Яа-яЁё]+(?:[\s,\-–—]+[А-Яа-яЁё0-9,.]+){3,}[»\"']?")


def _without_quotes(note: str | None) -> str | None:
    return _QUOTED.sub("[…]", note) if note else note


# --- fetch ---------------------------------------------------------------------------------


def fetch() -> None:
    """Fill the cache: keep a text whose sha1 matches, fetch the others from their URLs."""
    from bilat.model import Document
    from bilat.sources import read_urls

    cases = load_cases()
    have = [c for c in cases if (t := cached_text(c)) is not None and sha1(t) == c["excerpt_sha1"]]
    wanted = [c for c in cases if c not in have]
    print(f"{len(have)} of {len(cases)} texts in {cache_dir()} match their annotated excerpt")
    by_url = {c["url"]: c for c in wanted}
    for item in read_urls(list(by_url)):
        if not isinstance(item, Document):
            print(f"could not fetch {item.source}: {item.reason}")
            continue
        case = by_url[item.source]
        text = item.text[: case["excerpt_chars"]]
        text_path(case["id"]).parent.mkdir(parents=True, exist_ok=True)
        text_path(case["id"]).write_text(text, encoding="utf-8")
        same = "matches" if sha1(text) == case["excerpt_sha1"] else "DIFFERS from"
        print(f"fetched {case['id']}: the page now {same} the annotated excerpt")


# --- score ---------------------------------------------------------------------------------


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bilat_eval_score", SHARED_EVAL / "score.py")
    if spec is None or spec.loader is None or not (SHARED_EVAL / "score.py").is_file():
        sys.exit(f"{SHARED_EVAL / 'score.py'} not found: ../shared must sit beside the checkout")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page_date(case: dict[str, Any], dates: str) -> str | None:
    """The date bilat is given with a text.

    ``page``: the publication date the page carries (its metadata, or the full date the
    annotator read off the page, as a reader of the HTML or the feed would have it);
    ``text``: only the date the stored excerpt itself carries, so that every other date
    must be read from the text or the URL.
    """
    if dates == "page" and len(case.get("doc_date") or "") == len("2024-01-01"):
        return str(case["doc_date"])
    return case.get("published")


def documents(cases: list[dict[str, Any]], dates: str = "page") -> Iterator[Any]:
    """Each cached text as an analyst's JSON Lines row would give it: text, URL, date."""
    from bilat.sources.jsonl import read_records

    texts = {c["id"]: cached_text(c) for c in cases}
    rows = [
        {"id": c["id"], "url": c["url"], "date": page_date(c, dates), "text": texts[c["id"]]}
        for c in cases
        if texts[c["id"]] is not None
    ]
    yield from read_records(rows, source="real-set", name="real-set")


def predict(cases: list[dict[str, Any]], dates: str = "page") -> dict[str, dict[str, Any]]:
    from bilat.model import Document
    from bilat.pipeline import process

    preds = {}
    for document in documents(cases, dates):
        if isinstance(document, Document):
            record = process(document).record
            # the JSON Lines reader names a row "<file>#<id>"; the gold knows it by its id
            record["id"] = record["id"].rsplit("#", 1)[-1]
            preds[record["id"]] = record
    return preds


# A page can change or vanish after it was annotated; a cache rebuilt later may lack a
# few texts. Up to this share of the set is scored without them (and said so); past it,
# the figures would no longer compare with earlier ones.
MAX_MISSING_SHARE = 0.02


def too_many_missing(cases: list[dict[str, Any]]) -> bool:
    return len(missing_texts(cases)) > MAX_MISSING_SHARE * len(cases)


def score(split: str, verbose: bool = False, dates: str = "page") -> dict[str, Any]:
    cases = load_cases(split)
    missing = missing_texts(cases)
    if too_many_missing(cases):
        sys.exit(f"{len(missing)} texts are not in {cache_dir()}; run `realset.py fetch` first")
    if missing:
        print(
            f"{split}: scored without {len(missing)} of {len(cases)} texts that the cache "
            f"lacks ({', '.join(missing)})",
            file=sys.stderr,
        )
        cases = [c for c in cases if c["id"] not in set(missing)]
    gold = {c["id"]: {"id": c["id"], "facts": c["facts"]} for c in cases}
    module = scorer()
    return module.score(
        gold,
        predict(cases, dates),  # type: ignore[no-any-return]
        verbose=verbose,
    )


# What a missed fact would have needed to pair, tried in this order: a fact that pairs once
# the key is ignored failed on that key.
NEAR_MISSES = {
    "trade": ("period", "parties", "direction", "value", "currency"),
    "change": ("period", "parties", "direction", "percent"),
    "share": ("whole/part", "percent"),
    "event": (),
}


def _without(fact: dict[str, Any], key: str) -> dict[str, Any]:
    fact = dict(fact)
    if key == "period":
        fact["period"] = None
    elif key == "direction":
        fact["exporter"] = fact["importer"] = None
    elif key == "whole/part":
        fact["whole"] = fact["part"] = None
    else:
        fact[key] = None
    return fact


def failure_classes(split: str, dates: str = "page") -> dict[str, dict[str, int]]:
    """Per fact type, how many gold facts were missed for want of which key (or altogether)
    and how many extra facts no gold fact explains; figures only, no text."""
    cases = load_cases(split)
    module = scorer()
    preds = predict(cases, dates)
    table: dict[str, dict[str, int]] = {t: {} for t in NEAR_MISSES}
    for case in cases:
        pred = preds.get(case["id"], {}).get("facts", [])
        for kind, keys in NEAR_MISSES.items():
            same = module.MATCHERS[kind]
            golds = [f for f in case["facts"] if f.get("type") == kind]
            found = [f for f in pred if f.get("type") == kind]
            _, extra, missed = module.pair(found, golds, same)
            for gold in missed:
                key, near = _near_miss(same, keys, gold, extra)
                table[kind][key] = table[kind].get(key, 0) + 1
                if near is not None:
                    extra.remove(near)  # a wrong fact that explains a miss is counted once
            table[kind]["extra"] = table[kind].get("extra", 0) + len(extra)
    return table


def _near_miss(
    same: Any, keys: tuple[str, ...], gold: dict[str, Any], extra: list[dict[str, Any]]
) -> tuple[str, dict[str, Any] | None]:
    for key in keys:
        near = next((p for p in extra if same(_without(p, key), _without(gold, key))), None)
        if near is not None:
            return key, near
    return "not found", None


def print_classes(split: str, table: dict[str, dict[str, int]]) -> None:
    print(
        f"what still fails, {split} split (a miss that pairs once a key is ignored failed "
        "on that key):"
    )
    for kind, counts in table.items():
        parts = ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]) if v)
        print(f"  {kind:7} {parts or 'nothing'}")


def print_report(split: str, report: dict[str, Any]) -> None:
    print(f"real set, {split}: {report['documents']['gold']} articles")
    print(f"{'type':10} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for kind in ("trade", "change", "share", "event", "headline"):
        r = report[kind]
        print(
            f"{kind:10} {r['tp']:4} {r['fp']:4} {r['fn']:4} "
            f"{r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}"
        )
    for name, value in report["attributes"].items():
        print(f"attribute {name}: {'n/a' if value is None else f'{value:.3f}'}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("fetch", help="bring the texts into the cache")
    run = commands.add_parser("score", help="score bilat on a split")
    run.add_argument("--split", choices=[*SPLITS, "all"], default="learn")
    run.add_argument("--verbose", action="store_true", help="list misses and extras (learn only)")
    run.add_argument("--json", action="store_true", help="print the report as JSON")
    run.add_argument(
        "--classes", action="store_true", help="also count what still fails by class (figures only)"
    )
    run.add_argument(
        "--dates",
        choices=["page", "text"],
        default="page",
        help="give each text its page's publication date (default), or only "
        "the date its excerpt carries",
    )
    make = commands.add_parser("build", help="cases.jsonl from annotation files")
    make.add_argument("annotations", nargs="+")
    args = parser.parse_args()
    if args.command == "build":
        build(args.annotations)
    elif args.command == "fetch":
        fetch()
    else:
        if args.verbose and args.split != "learn":
            sys.exit(
                "--verbose lists the misses of the learn split only: the check split is "
                "for measurement, never for writing rules"
            )
        report = score(args.split, verbose=args.verbose, dates=args.dates)
        if args.json:
            print(json.dumps(report, ensure_ascii=False, indent=1))
        else:
            print_report(f"{args.split}, dates from the {args.dates}", report)
        if args.classes:
            print_classes(args.split, failure_classes(args.split, args.dates))


if __name__ == "__main__":
    main()
