"""The frame a sentence is read into, and the masked sentence the finders read."""
import re
from dataclasses import dataclass



QUOTED = "\x01"
WORD = re.compile(r"[A-Za-z][\w'’\-]*")
DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+)*(?:,\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)*)?"
    r"\s*(?:\([^)]{1,30}\))?|[A-Z][\w.]+(?:\s+[A-Z][\w.]+)*\s*\([^)]{1,30}\))\s*(?:--|[—–:-])\s+")


@dataclass(frozen=True)
class Frame:
    """An attribution found in a sentence; offsets are sentence-relative."""

    cue: str
    region: str  # the raw source slot, parsed later by names.parse
    region_start: int
    content: tuple[int, int]  # the reported claim (quotes included)
    kind: str  # post | pre | according | participle | statement
    gap: tuple[int, int] | None = None  # the frame inside the content: `"...," he said, "..."`


def mask(sentence: str, quoted: list[bool]) -> str:
    """The sentence with quoted characters replaced by QUOTED and a leading
    dateline ("HANOI, Vietnam (AP) — ") blanked, so it is never a source."""
    masked = "".join(QUOTED if q else ch for ch, q in zip(sentence, quoted))
    dateline = DATELINE.match(masked)
    if dateline and dateline.group().split()[0][:2].isupper() or dateline and "(" in dateline.group():
        masked = " " * dateline.end() + masked[dateline.end():]
    return masked
