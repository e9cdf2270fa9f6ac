"""The case of a name whose words pymorphy reads in several cases alike: the same in every
process, whatever the hash seed (a set's order once decided it)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

# "Хорхе" is indeclinable, so every case is shared; a tagger that gave no case leaves a tie.
PROBE = """
from bilat.extract.parse.textforms import _name_case
from bilat.model import Token
words = [Token(w, 0, 1, w.lower(), "PROPN", {}, -1, "flat") for w in ("Хорхе", "Ларрионда")]
print(_name_case(words))
"""


def _case_under_seed(seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    run = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    return run.stdout.strip()


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_a_tie_among_a_names_cases_goes_to_the_nominative(seed: int) -> None:
    assert _case_under_seed(seed) == "Nom"
