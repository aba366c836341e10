"""Frames whose cue is a passive participle: `..., as confirmed by X.`, `As reported by X, ...`,
`X was quoted by Interfax as saying ...`."""
import re

from annotate.suggestions.rules.frames.frame import Frame

_PARTICIPLES = r"(?:confirmed|announced|stated|reported|noted|explained|revealed|disclosed|outlined|claimed|warned)"
AS_BY_AFTER = re.compile(r",?\s+as\s+(?:was\s+|has been\s+)?(?P<cue>" + _PARTICIPLES + r")\s+by\s+"
                         r"(?P<np>[^,;\x01]{2,80}?)\s*[.!?]?\s*$")
AS_BY_BEFORE = re.compile(r"^\W*As\s+(?P<cue>" + _PARTICIPLES + r")\s+by\s+(?P<np>[^,;\x01]{2,80}?),\s*")


def as_by(m: str) -> Frame | None:
    """The agent of "as confirmed by" reports the claim around it: "The US seeks a deal, as confirmed by
    Secretary of State Antony Blinken." and "As reported by the BBC, the talks failed."."""
    after = AS_BY_AFTER.search(m)
    if after and after.start() > 0:
        return Frame(after.group("cue"), after.group("np"), after.start("np"), (0, after.start()), "according")
    before = AS_BY_BEFORE.match(m)
    if before and before.end() < len(m.rstrip()):
        return Frame(before.group("cue"), before.group("np"), before.start("np"), (before.end(), len(m)),
                     "according")
    return None


# The speaker as the subject of a passive "quoted": "Jane Doe was quoted by the Interfax news agency as saying",
# "He was cited by Reuters as saying", "Jane Doe was quoted as telling reporters that".
QUOTED_AS_SAYING = re.compile(r"^(?P<np>[^,;\x01]{2,80}?)\s+(?:was|were|is|are|has been|had been)\s+"
                              r"(?:(?:also|later|widely)\s+)?(?P<cue>quoted|cited|reported|heard)\s+"
                              r"(?:by\s+[^,;\x01]{2,60}?\s+|in\s+[^,;\x01]{2,60}?\s+)?as\s+"
                              r"(?:saying|telling\s+[^,;\x01]{1,40}?|writing)\b(?:\s+that\b)?,?\s*")


def quoted_as_saying(m: str) -> Frame | None:
    """"Jane Doe was quoted by Interfax as saying that ...": the subject reports what follows."""
    found = QUOTED_AS_SAYING.match(m)
    if found is None or found.end() >= len(m.rstrip()):
        return None
    return Frame(found.group("cue"), found.group("np"), found.start("np"), (found.end(), len(m)), "pre")


# A sentence that hands the one before it to a speaker: "That is the view of coach X as the team prepares ...",
# "That's according to X.", "So says X, a spokeswoman for the firm."
RETROSPECTIVE = re.compile(
    r"^\W*(?:(?:That|This)(?:['’]s|\s+is|\s+was)\s+(?P<cue>(?:the\s+(?:view|assessment|verdict|conclusion|opinion|"
    r"message|warning|argument|belief|position|prediction|finding|word)s?\s+of|according\s+to))"
    r"|So\s+(?P<cue2>says|said))\s+(?P<np>[^,;]{2,80}?)"
    r"(?=\s+(?:as|when|while|after|before|who|which|in|on|at)\b|[,;]|\s*[.!]?\s*$)")


def retrospective(m: str) -> Frame | None:
    """"That is the view of X": X holds this sentence and the one before it (attribution.py hands it back)."""
    found = RETROSPECTIVE.match(m)
    if found is None:
        return None
    cue = " ".join((found.group("cue") or found.group("cue2")).split())
    return Frame(cue, found.group("np"), found.start("np"), (0, found.start("cue") if found.group("cue")
                                                             else found.start("cue2")), "retrospective")
