"""Check-worthiness: how much a sentence asserts something a checker can verify.

A weighted sum of surface cues squashed into 0..1.  The cues are the ones
fact-checkers name: figures and quantities, comparisons, causal links,
accusations and legal or moral charges, concrete past actions of named
actors.  Opinions, calls to action, hopes, promises, questions and first
person feelings pull the score down.  The weights were set by hand on the
gold articles (tests/data/gold) and are deliberately few, so each can be
read and argued with.
"""
import math
import re

FEATURES: list[tuple[float, re.Pattern]] = [
    (1.1, re.compile(r"\d")),
    (0.6, re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"dozens?|half|several|single)\b", re.I)),
    (0.6, re.compile(r"[$€£%]|\b(?:million|billion|trillion|thousand|hundreds|dozens|percent)\b")),
    (0.7, re.compile(r"\b(?:more|less|fewer|higher|lower|larger|smaller|most|least|below|above|"
                     r"largest|biggest|highest|lowest|worst|first time|record|tripled|doubled|"
                     r"halved|only|never|every|none|all)\b", re.I)),
    (0.8, re.compile(r"\b(?:because|caused?|causing|led to|due to|result(?:ed)? in|driven|"
                     r"linked to|blamed|sparked|poisoned|prevented|reflected)\b", re.I)),
    (1.0, re.compile(r"\b(?:accus\w*|alleg\w*|crimes?|genocide|fraud|abuses?|violat\w*|illegal\w*|"
                     r"guilty|convicted|charged|charges|lied|lies|corrupt\w*|discriminat\w*|"
                     r"manipulation|negligen\w*|penalty|lawsuits?|sued|indicted|unlawful\w*|"
                     r"atrocit\w*|tortur\w*|forced|detention|committed|interfere\w*|wrongdoing|"
                     r"pressure|discredit|double standard|misinformation)\b", re.I)),
    (0.5, re.compile(r"\b[a-z]{3,}ed\b|\b(?:was|were|had|went|paid|rose|fell|met|led|won|lost|"
                     r"found|made|took|gave|held|left|sent|began|grew|told|spent|knew)\b")),
    (0.3, re.compile(r"(?<=\w )[A-Z][a-z]+")),
    (0.4, re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                     r"January|February|March|April|May|June|July|August|September|October|"
                     r"November|December|last (?:week|month|year)|since)\b")),
    (-1.0, re.compile(r"\b(?:must|should|ought|need to|needs to|hope|wish|want|urge\w*|"
                      r"believe|think|feel|respect|welcome\w*|grieve)\b", re.I)),
    (-0.4, re.compile(r"\b(?:will|would|going to|plans? to|intends? to|expects? to|"
                      r"whether|can|could)\b", re.I)),
    (-1.6, re.compile(r"\?")),
    (-0.6, re.compile(r"\b(?:I|we|We|my|My|our|Our|us)\b")),
    (-0.5, re.compile(r"\b(?:not respond|declined to|did not say|has not said|no comment)\b")),
]
BIAS = -0.8
ATTRIBUTED = 0.3
SHORT = 6  # words; very short sentences rarely carry a checkable claim


def score(claim: str, attributed: bool = False) -> float:
    """Check-worthiness of a claim in 0..1 (0.5 is the suggestion threshold).

    Only the claim is scored, not the "X said" frame around it, so a long
    title or appositive does not make an opinion look factual; that someone
    on record said it is itself checkable, hence the small `attributed` bonus.
    """
    total = BIAS + sum(weight for weight, pattern in FEATURES if pattern.search(claim))
    total += ATTRIBUTED if attributed else 0.0
    if len(claim.split()) < SHORT:
        total -= 0.5
    return round(1.0 / (1.0 + math.exp(-2.0 * total)), 3)
