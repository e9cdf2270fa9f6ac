"""Hypothesis profiles for the fuzz tests: ``short`` in the normal suite, ``long`` on demand.

    BILAT_FUZZ=long pytest tests/fuzz        # thousands of inputs per test
    python3 benchmarks/fuzz.py --inputs 100000   # the long run, with timings

The short profile keeps the suite quick; it still tries every strategy on every reader.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "short",
    max_examples=30,
    deadline=None,  # shared machines are noisy: speed is the benchmark's job, not a test's
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,  # the same inputs every run: CI fails on a bug, not on luck
)
settings.register_profile(
    "long",
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("BILAT_FUZZ", "short"))
