"""Definite descriptions: who "the report", "the company", "the judge" or "the groups" is.

A second reference in news copy often names no one: it describes ("the
institute", "the Massachusetts Democrat", "the mother of three").  Each kind
of head looks back for its own kind of antecedent: a document or the last
body that spoke, the organisation the recent text names most, the person
holding that office, the last group subject.  Kept apart from discourse.py,
which reads names and pronouns and calls `definite` for the rest.
"""
import re
from typing import TYPE_CHECKING

from annotate.suggestions.rules import lexicon
from annotate.suggestions.rules import name_kinds
from annotate.suggestions.rules import names
from annotate.suggestions.rules import tokens
from annotate.suggestions.rules.entity import Entity
from annotate.suggestions.rules.mention_index import LOOKBACK

if TYPE_CHECKING:
    from annotate.suggestions.rules.discourse import Discourse

COMPANY_HEADS = frozenset("company firm utility lender bank insurer retailer carrier maker label airline automaker "
                           "carmaker chain manufacturer publisher broadcaster studio startup operator".split())
# Descriptions of an organisation by what it is or does: "the iPhone maker", "the bloc", "the central bank".
BODY_DESCRIPTIONS = frozenset("bloc maker giant retailer lender carrier insurer automaker broadcaster network outlet "
                              "regulator watchdog body agency alliance organization organisation firm".split())
# "the government", "the police": the country's own, not the organisation named just before.
PUBLIC_BODIES = frozenset("government administration police court parliament congress senate house army military".split())
# What a person is described as on second reference: "the Massachusetts Democrat", "the Argentine".
DESCRIPTORS = frozenset("democrat republican conservative".split())
GENERIC_BODIES = frozenset("agency organization organisation body regulator watchdog authority bureau board "
                           "ministry department office commission".split())
PERSON_NOUNS = frozenset("woman man girl boy teenager teen".split())  # not "the owner", "the driver": who?
KIN = frozenset("mother father son daughter wife husband sister brother aunt uncle cousin grandmother grandfather "
                "niece nephew partner fiancée fiance girlfriend boyfriend widow widower friend neighbour neighbor "
                "mum mom dad parent".split())
ABBREVIATED_TITLES = {"gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
                      "lt": "lieutenant", "col": "colonel", "capt": "captain", "sgt": "sergeant",
                      "det": "detective", "supt": "superintendent", "adm": "admiral", "maj": "major",
                      "atty": "attorney", "prof": "professor", "insp": "inspector", "cmdr": "commander"}


def definite(discourse: "Discourse", phrase: names.Phrase, pos: int) -> Entity | None:
    """"the report", "the institute", "the judge", "the groups"."""
    head = phrase.head
    if head == "statement":
        return discourse.last_body_source or discourse.last_mention("it", pos)
    if head in lexicon.DOC_NOUNS:
        named = discourse.index.doc_before(pos)
        if named:
            return Entity(named, None, "org", pos)
        return discourse.last_body_source if head in {"report", "reports", "statement"} else None  # "the figures"
    if head in lexicon.ORG_WORDS or head in COMPANY_HEADS or head in BODY_DESCRIPTIONS:
        described = _body_described_as(discourse, head)
        if described is not None:
            return described  # "Big Machine Records, the label that owns her masters, said ... The label said"
        found = _org_named(discourse, head, pos, len(tokens.words(tokens.strip_determiners(phrase.text))) == 1)
        if found is None and POSSESSED.search(phrase.text):
            return None  # "the AG's office": named by its owner, not the subject just before
        named = discourse.previous_subject(pos, None) if found is None and head not in PUBLIC_BODIES else None
        named = None if named and named.kind == "group" and head not in named.name.lower() else named  # not "Parents"
        return named if named and named.kind != "person" or named and name_kinds.lone_name(named.name) else found
    if head in DESCRIPTORS or head.endswith(("ian", "an", "ese", "ine")) and phrase.text[:1].isupper():
        return discourse.previous_subject(pos, True)  # "Sen. Elizabeth Warren ... The Massachusetts Democrat said"
    if head in lexicon.TITLES or head in tokens.ROLE_NOUNS:
        found = _office_holder(discourse, head, pos) or _speaker_in_that_field(discourse, phrase)
        subject = discourse.previous_subject(pos, True) if found is None else None
        if subject and (head in lexicon.TITLES and len(phrase.text.split()) >= 2
                        or subject.role and _holds(head, subject.role)):
            found = subject  # "the Pentagon chief", "the first lady", "the lawyer": the person in view
        return found
    if head in lexicon.GROUP_NOUNS:
        return _group(discourse, head, pos)
    return _described_subject(discourse, phrase, pos)


def _described_subject(discourse: "Discourse", phrase: names.Phrase, pos: int) -> Entity | None:
    """"Dr. Amy Chen, an epidemiologist at Johns Hopkins, ... The epidemiologist
    said", "Maria Lopez, 45, lost her home ... the mother of three said": a
    singular description of a person, when the subject just before is a person
    whose appositive holds its head, or the description is a person's ("the
    mother of three", "the 45-year-old", "the woman")."""
    subject = discourse.previous_subject(pos, True)
    if subject is None or phrase.text[:1].isupper() or phrase.head.endswith("s") and phrase.head not in KIN:
        return None
    words = {tokens.bare(w) for w in tokens.words(phrase.text)}
    personal = words & (KIN | PERSON_NOUNS) or any(w.endswith("-year-old") for w in words)
    held = subject.role and phrase.head not in lexicon.COLLECTIVE_NOUNS and _holds(phrase.head, subject.role)
    return subject if personal or held else None


def _org_named(discourse: "Discourse", head: str, pos: int, bare: bool = True) -> Entity | None:
    """"the institute" -> the last "... Institute"; "the company" -> the firm
    the recent text mentions most (Boeing, not the Lockheed named once); a
    qualified description ("the country's transport ministry") is no second
    reference to whichever body spoke last."""
    fits = [m for m in discourse.index.recent_orgs(pos)
            if head in (heads := set(m.tokens) | {tokens.bare(w) for w in m.run.split()})
            or head in COMPANY_HEADS and heads & lexicon.COMPANY_WORDS]
    if not fits:  # "Volkswagen said ... The company said", "The NTSB said ... The agency said"
        described = _speaker_with_head(discourse, head)  # "Indonesia's transport ministry said ... The ministry"
        if described is not None:
            return described
        return discourse.last_org_source if bare and (head in COMPANY_HEADS or head in GENERIC_BODIES) else None
    counts = {m.start: discourse.index.mentions_before(m.tokens[0], pos) if m.tokens else 0 for m in fits}
    best = max(counts.values())
    m = next(m for m in fits if counts[m.start] == best)  # most recent first: the later on ties
    return discourse.expand(m.run, pos) or Entity(m.run, None, "org", m.start)


def _body_described_as(discourse: "Discourse", head: str) -> Entity | None:
    """The last body that spoke with an appositive headed by the same word ("Acme, the Ohio retailer")."""
    for entity in discourse.sources[:-LOOKBACK - 1:-1]:
        if entity.kind != "person" and entity.role \
                and head in {tokens.bare(w).lower() for w in tokens.words(entity.role)}:
            return entity
    return None


def _speaker_with_head(discourse: "Discourse", head: str) -> Entity | None:
    """The last body that spoke under a name ending in the head ("the transport ministry"), named or not."""
    for entity in discourse.sources[:-LOOKBACK - 1:-1]:
        if entity.kind != "person" and tokens.words(entity.name) and tokens.bare(tokens.words(entity.name)[-1]) == head:
            return entity
    return None


def _office_holder(discourse: "Discourse", head: str, pos: int) -> Entity | None:
    """"the judge" -> the last person introduced with that title."""
    for entity in discourse.sources[:-LOOKBACK - 1:-1]:
        if entity.role and _holds(head, entity.role):
            return entity
        if entity.kind == "description" and entity.name.lower().split()[-1:] == [head]:
            return entity  # "the official" after "a senior law enforcement official"
    for m in discourse.index.recent_titled(pos):
        if _holds(head, m.role):
            return Entity(m.name, m.role, "person", m.start)
    return None


def _speaker_in_that_field(discourse: "Discourse", phrase: names.Phrase) -> Entity | None:
    """"The athletics executive" after "John David Wicker, SDSU's director of athletics": the last
    speaker whose role names the field the description names."""
    fields = {tokens.bare(w) for w in tokens.words(phrase.text)[:-1]} - FIELD_STOP
    fields = {w for w in fields if len(w) > 3 and w.islower()}
    if not fields:
        return None
    for entity in discourse.sources[:-LOOKBACK - 1:-1]:
        if entity.kind == "person" and entity.role \
                and fields & {tokens.bare(w).lower() for w in tokens.words(entity.role)}:
            return entity
    return None


FIELD_STOP = frozenset("former current senior junior chief deputy acting assistant interim future then".split())
POSSESSED = re.compile(r"\w['’]s\s")


def _group(discourse: "Discourse", head: str, pos: int) -> Entity | None:
    """"the groups" -> the last subject headed by a group noun."""
    kind = lexicon.GROUP_NOUNS[head]
    for start, subject in discourse.subjects[:-LOOKBACK - 1:-1]:
        if start < pos and any(lexicon.GROUP_NOUNS.get(w.lower()) == kind for w in subject.split()):
            return Entity(tokens.strip_determiners(subject) or subject, None, "group", start)
    return None


# Titles written out or as initials: "the CEO" is the "chief executive" named before.
SPELLED_TITLES = {"ceo": "chief executive", "cfo": "chief financial officer", "coo": "chief operating officer",
                  "cto": "chief technology officer"}


def _holds(head: str, role: str) -> bool:
    """"the governor" is "Gov. Andrew Cuomo", "the judge" a "U.S. District Judge", "the CEO" a "chief executive"."""
    low = role.lower()
    return head in low or SPELLED_TITLES.get(head, head) in low or any(ABBREVIATED_TITLES.get(tokens.bare(w)) == head for w in low.split())
