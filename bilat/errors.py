"""The small tree of errors bilat raises; each message names the input and what was wrong."""


class BilatError(Exception):
    """Base of every error bilat raises on purpose."""


class SourceError(BilatError):
    """An input could not be read: missing, empty, binary, undecodable, too big, dead URL."""

    def __init__(self, input: str, reason: str) -> None:
        super().__init__(f"{input}: {reason}")
        self.input = input
        self.reason = reason


class ExtractionError(BilatError):
    """A document could not be analysed or its facts extracted."""


class StoreError(BilatError):
    """The database could not be opened or written."""
