"""The one tree of errors bilat raises on purpose; each message names the input and what
was expected. Every module raises these (or a class derived from one of them), so a caller
catches ``BilatError`` for all, or a branch for one kind:

    BilatError
    ├── SourceError          an input could not be read
    ├── ExtractionError      a document could not be analysed
    ├── StoreError           the database could not be opened or written
    ├── NotFoundError        (also a LookupError) what was asked for is not there
    │   ├── UnknownActorError
    │   └── UnknownFactError
    └── RequestError         (also a ValueError) a request that cannot be carried out as asked
        ├── PairError
        ├── ExportError
        └── CurationError

The modules that raise them re-export them under their old names (``bilat.kb.CurationError``,
``bilat.actors.UnknownActorError``…), so both paths name the same class.
"""


class BilatError(Exception):
    """Base of every error bilat raises on purpose."""


class SourceError(BilatError):
    """An input could not be read: missing, empty, binary, undecodable, too big, dead URL."""

    def __init__(self, input: str, reason: str) -> None:
        super().__init__(f"{input}: {reason}")
        self.input = input
        self.reason = reason


class ExtractionError(BilatError):
    """A document could not be analysed or its facts extracted: which one, and why."""

    def __init__(self, input: str, reason: str) -> None:
        super().__init__(f"{input}: {reason}")
        self.input = input
        self.reason = reason


class StoreError(BilatError):
    """The database could not be opened or written."""


class NotFoundError(BilatError, LookupError):
    """What was asked for is not there: a document, a fact, an actor, a page's subject."""


class UnknownActorError(NotFoundError):
    """A code that names no actor in the gazetteer."""

    def __init__(self, code: str) -> None:
        super().__init__(
            f"unknown actor code {code!r}: expected an ISO 3166-1 alpha-2 or "
            f"ISO 3166-2 code from the gazetteer, such as 'KZ' or 'RU-BA'"
        )
        self.code = code


class UnknownFactError(NotFoundError):
    """A fact id that names no stored fact."""

    def __init__(self, fact_id: str) -> None:
        super().__init__(
            f"no fact with id {fact_id!r}: expected the 16-hex-digit id, or its "
            "first 6+ digits, that `bilat facts -f csv` or the web page shows"
        )
        self.fact_id = fact_id


class RequestError(BilatError, ValueError):
    """A request that cannot be carried out as asked; the message says what was expected."""


class PairError(RequestError):
    """A pair that is not two different parties."""


class ExportError(RequestError):
    """An export that cannot be written as asked."""


class CurationError(RequestError):
    """A decision that cannot be recorded: unknown action or field, unreadable value."""
