"""Entry points: one Suggestion per body sentence, thresholded or not.

`analyse` keeps every body sentence so the gold tests can measure the rules;
`suggest` keeps the ones worth proposing to a reviewer on import.
"""
from annotate.suggestions.rules import checkworthiness
from annotate.suggestions.rules.attribution import attribute
from annotate.suggestions.rules.attribution import claim_span
from annotate.suggestions.rules.model import Suggestion

THRESHOLD = 0.5


def analyse(text: str, units: list) -> list[Suggestion]:
    """A Suggestion for every body unit, whatever its check-worthiness."""
    out = []
    for r in attribute(text, units):
        start, end = claim_span(text, r)
        # A participle frame ("filed 11 lawsuits, accusing it of negligence") reports on top of
        # the main clause's own facts, and "That is the view of X as ..." has no claim of its own
        # but what follows the name: score the whole sentence.
        whole = r.frame and r.frame.kind in {"participle", "retrospective"}
        scored = text[r.start:r.end] if whole else text[start:end]
        out.append(Suggestion(
            sentence_index=r.index,
            start=start,
            end=end,
            quote=text[start:end],
            checkworthiness=checkworthiness.score(scored, r.attribution.source is not None,
                                                  r.attribution.type, r.attribution.cue),
            attribution=r.attribution,
        ))
    return sorted(out, key=lambda s: s.start)


def suggest(text: str, units: list) -> list[Suggestion]:
    """Suggestions for body sentences scoring at least THRESHOLD, by start."""
    return [s for s in analyse(text, units) if s.checkworthiness >= THRESHOLD]
