"""Find the attribution frame of one sentence: cue, source slot, claim content.

The sentence arrives masked: every character inside a quotation (marks
included) is replaced by QUOTED, so a reporting verb inside a quote ("he
lied", "we found") can never be taken for a cue and a quotation is one
opaque block to the patterns.  News attribution comes in a few shapes, tried
in this order because the earlier ones are the least ambiguous:

* post:  `"..." Wang said.` / `..., the institute said.` / `"...," said Isa, president of X.`
* pre:   `Wang told the press that ...` / `Ortega said, "..."` / `In a statement, X said ...`
* according: `..., according to X.` / `According to X, ...`
* participle: `The judge denied it, saying ...` / `... and accused Beijing of ...`
* statement: `In a statement, the company called ...` (no reporting verb)
* stance: `Some farmers disagreed.` (a cue with nothing after it), tried last

Only main-clause frames count: a cue whose subject slot contains a verb
("The Senate passed ... in which Democrats accused") is embedded, and the
sentence stays the author's.

Modules: frame.py (the Frame and the masked sentence), cues.py (which words
are cues), slots.py (what may fill a source slot, where the claim starts),
post.py (cue after the claim), pre.py (cue before it, and the other shapes).
"""
from annotate.suggestions.rules import lexicon
from annotate.suggestions.rules.frames.cues import find_cues
from annotate.suggestions.rules.frames.frame import QUOTED
from annotate.suggestions.rules.frames.frame import Frame
from annotate.suggestions.rules.frames.frame import mask
from annotate.suggestions.rules.frames.passive import as_by
from annotate.suggestions.rules.frames.passive import quoted_as_saying
from annotate.suggestions.rules.frames.passive import retrospective
from annotate.suggestions.rules.frames.post import post
from annotate.suggestions.rules.frames.pre import according
from annotate.suggestions.rules.frames.pre import as_put_it
from annotate.suggestions.rules.frames.pre import clause_tail
from annotate.suggestions.rules.frames.pre import colon_quote
from annotate.suggestions.rules.frames.pre import inverted_opening
from annotate.suggestions.rules.frames.pre import opening_participle
from annotate.suggestions.rules.frames.pre import participle
from annotate.suggestions.rules.frames.pre import pre
from annotate.suggestions.rules.frames.pre import statement

__all__ = ["QUOTED", "Frame", "find_frame", "mask"]


def find_frame(m: str) -> Frame | None:
    """The main-clause attribution frame of a masked sentence, if any."""
    posts, pres, parts, tails = [], [], [], []
    for cue in find_cues(m):
        for finder, bucket in ((post, posts), (pre, pres), (participle, parts), (clause_tail, tails)):
            frame = finder(m, cue)
            if frame:
                bucket.append(frame)
                break
    if posts and pres and _is_pronoun(posts[0].region) and pres[0].region_start < posts[0].region_start:
        posts = []  # "Sweeney said investigators ..., he said": the named speaker
    said_in_statement = statement(m)
    stances = [f for f in pres if f.kind == "stance"]  # "aides disagreed": only when nothing else reports
    pres = [f for f in pres if f.kind != "stance"]
    ranked = [retrospective(m)] + posts + pres \
        + [according(m), as_put_it(m), inverted_opening(m), as_by(m), quoted_as_saying(m)] + parts \
        + [said_in_statement] + tails + [opening_participle(m)] + stances + [colon_quote(m)]
    found = next((f for f in ranked if f is not None), None)
    if found and said_in_statement and found.cue in lexicon.NAMING_CUES:
        return said_in_statement  # "In a statement, Norvale called the ruling "deeply flawed.""
    return found


def _is_pronoun(region: str) -> bool:
    return region.strip().lower() in lexicon.PERSON_PRONOUNS | lexicon.GROUP_PRONOUNS
