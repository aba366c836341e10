"""Value objects handed to the rest of the app: plain frozen dataclasses.

Kept apart from the rules so that views, exports and tests can import them
without pulling in any of the matching machinery.
"""
from dataclasses import dataclass

TYPES = ("direct", "indirect", "mixed", "author")


@dataclass(frozen=True)
class Attribution:
    """Who makes a claim, how the article says so, and how it is reported."""

    source: str | None
    role: str | None
    cue: str | None
    type: str  # one of TYPES; "author" means the article's own assertion

    def as_dict(self) -> dict:
        """JSON-ready form, the shape the annotation export uses."""
        return {"source": self.source, "role": self.role, "cue": self.cue, "type": self.type}


AUTHOR = Attribution(source=None, role=None, cue=None, type="author")


@dataclass(frozen=True)
class Suggestion:
    """A proposed claim: a span of the article plus its suggested attribution."""

    sentence_index: int  # index into the list returned by segment(), all kinds
    start: int  # code-point offsets into the normalised text
    end: int
    quote: str  # == text[start:end]
    checkworthiness: float  # 0..1
    attribution: Attribution

    def as_dict(self) -> dict:
        """JSON-ready form used by the import view and the exports."""
        return {
            "sentence_index": self.sentence_index,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "checkworthiness": self.checkworthiness,
            "attribution": self.attribution.as_dict(),
        }
