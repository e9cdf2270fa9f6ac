"""``python -m bilat.scale_corpus --docs N --out PATH``: write a generated corpus."""

from __future__ import annotations

import argparse
import sys

from bilat.scale_corpus.generate import Shares, write_corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bilat.scale_corpus",
        description="Generated Russian news for scale tests, as JSON Lines for bilat ingest.",
        epilog="example: python -m bilat.scale_corpus --docs 100000 --out corpus/ --files 8",
    )
    parser.add_argument("--docs", type=int, required=True, help="how many articles")
    parser.add_argument("--out", required=True, help="a .jsonl file, or a folder for --files")
    parser.add_argument("--files", type=int, default=1, help="split into this many files")
    parser.add_argument("--seed", type=int, default=1, help="the same seed, the same corpus")
    defaults = Shares()
    parser.add_argument("--reprints", type=float, default=defaults.reprint)
    parser.add_argument("--contradictions", type=float, default=defaults.contradiction)
    parser.add_argument("--noise", type=float, default=defaults.noise)
    args = parser.parse_args(argv)
    try:
        shares = Shares(args.reprints, args.contradictions, args.noise)
        paths = write_corpus(args.docs, args.out, seed=args.seed, files=args.files, shares=shares)
    except (ValueError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"{args.docs} articles in {len(paths)} file(s) under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
