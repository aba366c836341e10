"""Article-wide memory: who has spoken, which names and documents appeared.

Attribution has to read the whole article: "Irwin said" means the Peter Irwin
introduced three paragraphs up, "He added" means the last speaker, "the
report" means the document or organisation named before.  The rules are the
ones a copy editor applies: a surname or short name expands to the longest
earlier name containing it (speakers first, then any mention); a pronoun goes
to the most recent speaker of the right kind; a definite description goes to
the most recent document, organisation, office-holder or group that fits.
"""
import bisect
import re
from dataclasses import dataclass

from annotate.suggestions.rules import lexicon
from annotate.suggestions.rules import name_kinds
from annotate.suggestions.rules import names
from annotate.suggestions.rules import titles
from annotate.suggestions.rules import tokens
from annotate.suggestions.rules.mentions import Mention
from annotate.suggestions.rules.mentions import RUN
from annotate.suggestions.rules.mentions import clean_run
from annotate.suggestions.rules.mentions import contains
from annotate.suggestions.rules.mentions import doc_mentions
from annotate.suggestions.rules.mentions import initials
from annotate.suggestions.rules.mentions import mention_at
from annotate.suggestions.rules.mentions import name_tokens

NAME_WORD = r"(?:[A-Z][\w.&'’-]*|and|of|for|the|on|in)"
SPELLED_OUT = re.compile(r"(?P<name>" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){1,9})\s+\((?P<acronym>[A-Z]{2,6})\)")
LOOKBACK = 60  # mentions or speakers a description may reach back over
MAX_NAME_WORDS = 8  # longer capitalised runs are titles of works, not names
PERSON_NAME = re.compile(r"[A-Z][a-z]+(?: (?:[A-Z]\.|[A-Z][a-z]+)){1,2}")  # "Wade Bassi", "Thomas M. Hoenig"
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


@dataclass(frozen=True)
class Entity:
    """A resolved source: its fullest name, role, kind and where it spoke."""

    name: str
    role: str | None
    kind: str  # person | org | group | description
    pos: int



class Discourse:
    """State carried from sentence to sentence while reading one article.

    Every look-up costs the same however long the article is, so that the
    whole reading stays linear: names are expanded through per-name indexes
    built once, the last speaker of each kind is kept, and descriptions
    ("the company", "the judge") look back over a bounded number of
    recent mentions, as a reader does.
    """

    def __init__(self, text: str):
        self.mentions = [mention_at(m.start(), clean_run(m.group())) for m in RUN.finditer(text)]
        self.by_token: dict[str, list[Mention]] = {}
        for mention in self.mentions:
            for token in set(mention.tokens):
                self.by_token.setdefault(token, []).append(mention)
        self.mention_starts = [m.start for m in self.mentions]
        self.orgs = [m for m in self.mentions if m.org]
        self.acronyms: dict[str, Mention] = {}  # "IMF" -> the first "International Monetary Fund"
        for m in self.orgs:
            self.acronyms.setdefault(initials(m.run) or "", m)
        self.spelled: dict[str, tuple[int, str]] = {}  # "CDC" -> where and how the article spells it out
        for found in SPELLED_OUT.finditer(text):  # "the U.S. Centers for Disease Control and Prevention (CDC)"
            name = re.sub(r"^(?:[Tt]he|[Aa]nd|[Oo]f|[Ff]or|[Oo]n|[Ii]n)\s+", "", found.group("name"))
            if _abbreviates(found.group("acronym"), name):
                self.spelled.setdefault(found.group("acronym"), (found.start("name"), name))
        self.org_starts = [m.start for m in self.orgs]
        self.titled = [m for m in self.mentions if m.role and m.name]
        self.titled_starts = [m.start for m in self.titled]
        self.docs = doc_mentions(text)
        self.doc_starts = [start for start, _ in self.docs]
        self.sources: list[Entity] = []
        self.last_of_kind: dict[bool, Entity] = {}  # is-person -> last such speaker
        self.last_body_source: Entity | None = None
        self.last_org_source: Entity | None = None
        self.expansions: dict[tuple[str, ...], Entity] = {}  # short name -> last longer speaker
        self.longest: dict[tuple[str, ...], tuple[list[int], list[Mention]]] = {}
        self.first_seen: dict[tuple[str, ...], tuple[int | None, int | None]] = {}
        self.subjects: list[tuple[int, str]] = []
        self.subject_roles: dict[int, str] = {}
        self.addressee: Entity | None = None  # who the last sentence put a question to
        self.addressee_fresh = False

    def note_subject(self, pos: int, subject: str | None, role: str | None = None) -> None:
        """Remember a sentence subject, for plural anaphors ("the groups"), with the
        role an appositive gives it ("Jane Roe, a lawyer for the family, spoke")."""
        if subject:
            self.subjects.append((pos, subject))
            if role:
                self.subject_roles[pos] = role

    def note_addressee(self, entity: Entity) -> None:
        """The person the sentence just read put a question to."""
        self.addressee, self.addressee_fresh = entity, True

    def take_addressee(self) -> Entity | None:
        """The addressee of the sentence just before, once; older ones are forgotten."""
        found = self.addressee if self.addressee_fresh else None
        self.addressee_fresh = False
        return found

    def note_source(self, entity: Entity) -> None:
        """Remember a speaker, for pronouns and surnames later on."""
        if entity.kind == "pronoun":
            return  # an unresolved "they" is no one to refer back to
        self.sources.append(entity)
        self.last_of_kind[entity.kind == "person"] = entity
        if entity.kind in {"org", "group"}:
            self.last_body_source = entity
        if entity.kind in {"group", "description"}:
            return  # "Officials at the Department of X" lends no name to a later "the Department of X"
        if entity.kind == "org":
            self.last_org_source = entity
        tokens = name_tokens(entity.name)[:MAX_NAME_WORDS]
        for i in range(len(tokens)):
            for j in range(i + 1, len(tokens) + 1):
                if j - i < len(tokens):
                    self.expansions[tokens[i:j]] = entity

    def resolve(self, phrase: names.Phrase, pos: int) -> Entity:
        """The fullest entity the article gives for a parsed source slot."""
        if phrase.kind == "pronoun":
            found = self._last_speaker(phrase.head, pos) or self._last_mention(phrase.head, pos)
        elif phrase.kind == "group" and len(phrase.text.split()) == 1:
            found = self._expand(phrase.text, pos)  # "Tunisians", "Officials": the group as written,
            if found is None or found.kind != "person" or not PERSON_NAME.fullmatch(found.name):
                found = None  # but "Powers" after "Bill Powers" is he
        elif phrase.kind in {"person", "org", "group"}:
            found = self._expand(phrase.text, pos)
        elif phrase.kind == "anaphor":
            found = self._surname(phrase.text, pos) or self._definite(phrase, pos)
        else:
            found = None
        if found is None:
            kind = "org" if phrase.kind == "person" and _lone_name(phrase.text) \
                and not _person_role(phrase.role) else phrase.kind  # not "her mother, Fiona,"
            return Entity(phrase.text, phrase.role, kind, pos)
        return Entity(found.name, phrase.role or found.role, found.kind, pos)

    def _surname(self, text: str, pos: int) -> Entity | None:
        """"said King" after "Wayne King": a capitalised title word alone that ends
        a person's full name mentioned before is that person, not an office."""
        if len(text.split()) != 1 or not text[:1].isupper():
            return None
        found = self._expand(text, pos)
        if found is None or found.kind != "person" or not PERSON_NAME.fullmatch(found.name) \
                or tokens.bare(found.name.split()[-1]) != tokens.bare(text):
            return None
        return found

    def _before(self, mentions: list[Mention], starts: list[int], pos: int):
        """Up to LOOKBACK mentions starting before pos, most recent first."""
        i = bisect.bisect_left(starts, pos)
        for k in range(i - 1, max(-1, i - 1 - LOOKBACK), -1):
            yield mentions[k]

    def _last_speaker(self, pronoun: str, pos: int) -> Entity | None:
        """He/she: the last person who spoke, unless the sentence before names a
        new person as its subject ("Rep. Adam Schiff opened the hearing. He said");
        it: likewise for an organisation; they: the last body that spoke."""
        person = pronoun in lexicon.PERSON_PRONOUNS
        speaker = self.last_of_kind.get(person)
        if pronoun in {"he", "she", "it"}:
            subject = self._previous_subject(pos, person)
        else:
            subject = self._previous_group(pos)
        if subject and (speaker is None or subject.pos > speaker.pos):
            return subject
        return speaker

    def _previous_group(self, pos: int) -> Entity | None:
        """They: the sentence just before has a plural group for subject
        ("researchers at the University of Georgia looked at ... They believe")."""
        if not self.subjects or self.subjects[-1][0] >= pos:
            return None
        start, subject = self.subjects[-1]
        phrase = names.parse(subject)
        if phrase is None or phrase.kind != "group":
            return None
        return Entity(phrase.text, phrase.role, "group", start)

    def _previous_subject(self, pos: int, person: bool | None) -> Entity | None:
        """The subject of the sentence just before pos, when it is a name of the
        wanted kind (a person's, an organisation's, or either for None)."""
        if not self.subjects or self.subjects[-1][0] >= pos:
            return None
        start, subject = self.subjects[-1]
        name = clean_run(tokens.strip_determiners(subject).strip("()[]\"“”‘’' "))
        split = None if tokens.is_proper(name) else titles.trailing_name(name)
        name = split[1] if split else name
        if not tokens.is_proper(name) or name.lower() in lexicon.PERSON_PRONOUNS | lexicon.GROUP_PRONOUNS:
            return None
        role, name = titles.split_title(name)  # "Rep. Adam Schiff"
        found = self._expand(name, pos) or Entity(name, role, name_kinds.name_kind(name), start)
        if person is not None and (person != (found.kind == "person") or person and _lone_name(found.name)):
            return None
        return Entity(found.name, self.subject_roles.get(start) or found.role, found.kind, start)

    def _last_mention(self, pronoun: str, pos: int) -> Entity | None:
        """"It said" before any organisation spoke: the last one mentioned;
        "he said" before anyone spoke: the last person named."""
        if pronoun in lexicon.PERSON_PRONOUNS:
            return self._last_person_subject(pos)
        mention = next(self._before(self.orgs, self.org_starts, pos), None)
        return Entity(mention.run, None, "org", mention.start) if mention else None

    def _last_person_subject(self, pos: int) -> Entity | None:
        """The last sentence subject that is a person's name ("Kristen Wiig
        ... looks mortified. "...," she says")."""
        for start, subject in self.subjects[:-LOOKBACK - 1:-1]:
            name = tokens.strip_determiners(subject)
            split = None if tokens.is_proper(name) else titles.trailing_name(name)
            name = split[1] if split else name  # "skipper Wade Bassi" -> Wade Bassi
            if start < pos and tokens.is_proper(name) and name_kinds.name_kind(name) == "person" \
                    and not name.lower() in lexicon.PERSON_PRONOUNS | lexicon.GROUP_PRONOUNS:
                found = self._expand(name, pos)
                if found or len(name.split()) > 1:  # not "Video obtained from the salon shows"
                    return found or Entity(name, None, "person", start)
        for m in self._before(self.mentions, self.mention_starts, pos):
            if PERSON_NAME.fullmatch(m.name) and not m.org:
                return Entity(m.name, m.role, "person", m.start)  # the last person named
        return None

    def _expand(self, text: str, pos: int) -> Entity | None:
        """A short name to the longest earlier name that contains it."""
        short = name_tokens(text)
        if not short:
            return None
        if short in self.expansions:
            return self.expansions[short]
        if self._introduced_short(short, pos):
            return None  # "President Trump" came first: a later "Ivanka Trump" is someone else
        starts, best = self._longest_index(short)
        k = bisect.bisect_left(starts, pos)
        if k == 0:
            return self._acronym(text, pos) or self._named_later(short, [m for m in best if m.start > pos])
        m = best[k - 1]
        return Entity(m.name, m.role, name_kinds.name_kind(m.name), m.start)

    def _named_later(self, short: tuple[str, ...], later: list[Mention]) -> Entity | None:
        """"Hicks said" before the article gives "Vanessa Hicks": the fullest name the
        article gives, when a later mention ends with the surname (or an
        organisation's name begins with the short one, "Microsoft Corp")."""
        person = len(short) > 1  # "Jane Roe" is no organisation's first words ("Jane Roe of Stanford University")
        for m in later:
            surname = m.tokens[-len(short):] == short and not m.org and PERSON_NAME.fullmatch(m.name)
            if surname or m.org and not person and m.tokens[:len(short)] == short:
                return Entity(m.name, m.role, name_kinds.name_kind(m.name), m.start)
        return None

    def _acronym(self, text: str, pos: int) -> Entity | None:
        """"IMF" after "the International Monetary Fund": the name spelt out."""
        short = text.replace(".", "")
        spelled = self.spelled.get(short)
        if spelled and spelled[0] < pos:
            return Entity(spelled[1], None, "org", spelled[0])
        m = self.acronyms.get(short) if short.isupper() and 2 <= len(short) <= 6 else None
        return Entity(m.run, None, "org", m.start) if m and m.start < pos else None

    def _introduced_short(self, short: tuple[str, ...], pos: int) -> bool:
        """Whether the short name was introduced with a title ("President Trump")
        before any longer name containing it: then a later "Ivanka Trump" is
        someone else. A bare surname in a headline does not count."""
        if short not in self.first_seen:
            exact = longer = None
            rarest = min(short, key=lambda t: len(self.by_token.get(t, ())))
            for m in self.by_token.get(rarest, []):
                if exact is None and m.tokens == short and m.role:
                    exact = m.start
                if longer is None and len(m.tokens) > len(short) and contains(m.tokens, short):
                    longer = m.start
                if exact is not None and longer is not None:
                    break
            self.first_seen[short] = (exact, longer)
        exact, longer = self.first_seen[short]
        return exact is not None and exact < pos and (longer is None or exact < longer)

    def _longest_index(self, short: tuple[str, ...]) -> tuple[list[int], list[Mention]]:
        """For a short name, the longer mentions containing it in text order,
        with the longest so far (the first on ties) at each position, the short name at
        either end of it ("Anders Tegnell", not "Anders Tegnell Fan Club"); built
        once per name from the rarest of its words."""
        if short not in self.longest:
            rarest = min(short, key=lambda t: len(self.by_token.get(t, ())))
            starts, best, current = [], [], None
            for m in self.by_token.get(rarest, []):
                n = len(short)
                if len(m.tokens) > n and (m.tokens[-n:] == short or m.tokens[:n] == short):  # not "X Fan Club"
                    if current is None or len(m.tokens) > len(current.tokens):  # the first introduced on ties
                        current = m
                    starts.append(m.start)
                    best.append(current)
            self.longest[short] = (starts, best)
        return self.longest[short]

    def _definite(self, phrase: names.Phrase, pos: int) -> Entity | None:
        """"the report", "the institute", "the judge", "the groups"."""
        head = phrase.head
        if head == "statement":
            return self._last_body() or self._last_mention("it", pos)
        if head in lexicon.DOC_NOUNS:
            k = bisect.bisect_left(self.doc_starts, pos)
            named = self.docs[k - 1][1] if k else None
            if named:
                return Entity(named, None, "org", pos)
            return self._last_body() if head in {"report", "reports", "statement"} else None  # "the figures"
        if head in lexicon.ORG_WORDS or head in COMPANY_HEADS or head in BODY_DESCRIPTIONS:
            found = self._org_named(head, pos)
            named = self._previous_subject(pos, None) if found is None and head not in PUBLIC_BODIES else None
            return named if named and named.kind != "person" or named and _lone_name(named.name) else found
        if head in DESCRIPTORS or head.endswith(("ian", "an", "ese", "ine")) and phrase.text[:1].isupper():
            return self._previous_subject(pos, True)  # "Sen. Elizabeth Warren ... The Massachusetts Democrat said"
        if head in lexicon.TITLES or head in tokens.ROLE_NOUNS:
            found = self._office_holder(head, pos)
            subject = self._previous_subject(pos, True) if found is None else None
            if subject and (head in lexicon.TITLES and len(phrase.text.split()) >= 2
                            or subject.role and _holds(head, subject.role)):
                found = subject  # "the Pentagon chief", "the first lady", "the lawyer": the person in view
            return found
        if head in lexicon.GROUP_NOUNS:
            return self._group(head, pos)
        return self._described_subject(phrase, pos)

    def _described_subject(self, phrase: names.Phrase, pos: int) -> Entity | None:
        """"Dr. Amy Chen, an epidemiologist at Johns Hopkins, ... The epidemiologist
        said", "Maria Lopez, 45, lost her home ... the mother of three said": a
        singular description of a person, when the subject just before is a person
        whose appositive holds its head, or the description is a person's ("the
        mother of three", "the 45-year-old", "the woman")."""
        subject = self._previous_subject(pos, True)
        if subject is None or phrase.text[:1].isupper() or phrase.head.endswith("s") and phrase.head not in KIN:
            return None
        words = {tokens.bare(w) for w in tokens.words(phrase.text)}
        personal = words & (KIN | PERSON_NOUNS) or any(w.endswith("-year-old") for w in words)
        held = subject.role and phrase.head not in lexicon.COLLECTIVE_NOUNS and _holds(phrase.head, subject.role)
        return subject if personal or held else None

    def _last_body(self) -> Entity | None:
        """The last organisation that spoke (author of "the statement")."""
        return self.last_body_source

    def _org_named(self, head: str, pos: int) -> Entity | None:
        """"the institute" -> the last "... Institute"; "the company" -> the firm
        the recent text mentions most (Boeing, not the Lockheed named once)."""
        fits = [m for m in self._before(self.orgs, self.org_starts, pos)
                if head in (heads := set(m.tokens) | {tokens.bare(w) for w in m.run.split()})
                or head in COMPANY_HEADS and heads & lexicon.COMPANY_WORDS]
        if not fits:  # "Volkswagen said ... The company said", "The NTSB said ... The agency said"
            return self.last_org_source if head in COMPANY_HEADS or head in GENERIC_BODIES else None
        counts = {m.start: self._mentions_before(m.tokens[0], pos) if m.tokens else 0 for m in fits}
        best = max(counts.values())
        m = next(m for m in fits if counts[m.start] == best)  # most recent first: the later on ties
        return self._expand(m.run, pos) or Entity(m.run, None, "org", m.start)

    def _mentions_before(self, token: str, pos: int) -> int:
        """How often a name's first word was mentioned before pos ("Boeing" x 9)."""
        return bisect.bisect_left(self.by_token.get(token, []), pos, key=lambda m: m.start)

    def _office_holder(self, head: str, pos: int) -> Entity | None:
        """"the judge" -> the last person introduced with that title."""
        for entity in self.sources[:-LOOKBACK - 1:-1]:
            if entity.role and _holds(head, entity.role):
                return entity
            if entity.kind == "description" and entity.name.lower().split()[-1:] == [head]:
                return entity  # "the official" after "a senior law enforcement official"
        for m in self._before(self.titled, self.titled_starts, pos):
            if _holds(head, m.role):
                return Entity(m.name, m.role, "person", m.start)
        return None

    def _group(self, head: str, pos: int) -> Entity | None:
        """"the groups" -> the last subject headed by a group noun."""
        kind = lexicon.GROUP_NOUNS[head]
        for start, subject in self.subjects[:-LOOKBACK - 1:-1]:
            if start < pos and any(lexicon.GROUP_NOUNS.get(w.lower()) == kind for w in subject.split()):
                return Entity(tokens.strip_determiners(subject) or subject, None, "group", start)
        return None


ABBREVIATED_TITLES = {"gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
                      "lt": "lieutenant", "col": "colonel", "capt": "captain", "sgt": "sergeant",
                      "det": "detective", "supt": "superintendent", "adm": "admiral", "maj": "major",
                      "atty": "attorney", "prof": "professor", "insp": "inspector", "cmdr": "commander"}


def _holds(head: str, role: str) -> bool:
    """"the governor" is "Gov. Andrew Cuomo", "the judge" a "U.S. District Judge"."""
    low = role.lower()
    return head in low or any(ABBREVIATED_TITLES.get(tokens.bare(w)) == head for w in low.split())


def _abbreviates(acronym: str, name: str) -> bool:
    """Whether the capitals of name spell the acronym in order ("CDC": Centers for
    Disease Control and Prevention)."""
    capitals = iter(w[0] for w in name.split() if w[:1].isupper())
    return all(letter in capitals for letter in acronym)


def _lone_name(name: str) -> bool:
    """A one-word name the article never gives in full ("Volkswagen", "Boeing"):
    news copy introduces people with two names, so it is an organisation's."""
    ws = name.split()
    plural = name.lower().endswith(names.GROUP_PLURALS) or name.lower()[:-1] in tokens.ROLE_NOUNS
    return len(ws) == 1 and ws[0][:1].isupper() and not ws[0].isupper() and len(ws[0]) > 2 and not plural


PERSON_NOUNS = frozenset("woman man girl boy teenager teen".split())  # not "the owner", "the driver": who?
KIN = frozenset("mother father son daughter wife husband sister brother aunt uncle cousin grandmother grandfather "
                "niece nephew partner fiancée fiance girlfriend boyfriend widow widower friend neighbour neighbor "
                "mum mom dad parent".split())


def _person_role(role: str | None) -> bool:
    """A role only a person holds ("her mother", "a nurse"): a lone first name with it is someone's."""
    ws = tokens.words(role or "")
    return bool(ws) and (tokens.bare(ws[-1]) in KIN or tokens.is_role_word(ws[-1]))
