"""Shared test setup: the tests folder is importable, so case tables can be shared."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
