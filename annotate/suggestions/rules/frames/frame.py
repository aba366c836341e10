"""The frame a sentence is read into, and the masked sentence the finders read."""
import re
from dataclasses import dataclass



QUOTED = "\x01"
WORD = re.compile(r"[A-Za-z][\w'’\-]*")
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CITY_UP = r"[A-Z][A-Z.'’\-]+(?:[ /][A-Z][A-Z.'’\-]+){0,5}"  # "HANOI", "JAKARTA/SINGAPORE", "PORT-OF-SPAIN"
_CITY = r"[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3}"  # "Houston", "Los Angeles"
_PLACE_TAIL = r"(?:,\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,2}){0,2}"  # ", Vietnam", ", Jamaica", ", Calif."
_DATE = r"(?:,?\s+" + _MONTHS + r"\s+\d{1,2})?"  # ", Dec 28"
_AGENCY = r"\s*\([^)]{1,30}\)"  # "(AP)", "(Reuters)", "(KTRK)"
DATELINE = re.compile(
    r"^\s*(?:" + _CITY_UP + _PLACE_TAIL + _DATE + r"(?:" + _AGENCY + r")?"  # "HANOI, Vietnam (AP)"
    r"|" + _CITY + _PLACE_TAIL + _DATE + _AGENCY  # "Houston, TX (KTRK)"
    + r"|" + _CITY + r",\s+(?:[A-Z]{2}|[A-Z][a-z]{1,4}\.)"  # "Los Angeles, CA", "Napa, Calif."
    + r"|" + _MONTHS + r"\s+\d{1,2}" + _AGENCY  # "Aug 5 (Reuters)", the city on the line before
    + r"|\([A-Z][\w .&-]{1,20}\))"  # "(CNN)", "(KGO)" after a place cut off as a sentence of its own
    r"\s*(?:--|[—–:-])\s+")


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
    if dateline:
        masked = " " * dateline.end() + masked[dateline.end():]
    return masked
