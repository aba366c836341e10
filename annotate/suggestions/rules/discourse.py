"""Article-wide memory: who has spoken, which names and documents appeared.

Attribution has to read the whole article: "Irwin said" means the Peter Irwin
introduced three paragraphs up, "He added" means the last speaker, "the
report" means the document or organisation named before.  The rules are the
ones a copy editor applies: a surname or short name expands to the longest
earlier name containing it (speakers first, then any mention); a pronoun goes
to the most recent speaker of the right kind; a definite description goes to
the most recent document, organisation, office-holder or group that fits.
This module keeps what has been said and reads names and pronouns; the
article's mentions are indexed in mention_index.py, and descriptions ("the
report", "the judge") are resolved in descriptions.py.
"""
import re

from annotate.suggestions.rules import lexicon
from annotate.suggestions.rules import name_kinds
from annotate.suggestions.rules import names
from annotate.suggestions.rules import titles
from annotate.suggestions.rules import tokens
from annotate.suggestions.rules.descriptions import KIN
from annotate.suggestions.rules.descriptions import definite
from annotate.suggestions.rules.entity import Entity
from annotate.suggestions.rules.mention_index import LOOKBACK
from annotate.suggestions.rules.mention_index import MentionIndex
from annotate.suggestions.rules.mentions import clean_run
from annotate.suggestions.rules.mentions import name_tokens
from annotate.suggestions.rules.mentions import named_inside

MAX_NAME_WORDS = 8  # longer capitalised runs are titles of works, not names


_MESSAGE = r"(?:image|photo|picture|post|message|letter|note|sign|tweet|status|video)"
_NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
_POSTED = r"(?:posted|wrote|shared|sent|tweeted|published|put\s+up)"
# "another image Elizabeth Snyder posted", "Jane Doe shared a photo": a message and who made it.
POSTED_MESSAGE = re.compile(r"\b" + _MESSAGE + r"\s+(?:that\s+)?(?P<name>" + _NAME + r")\s+" + _POSTED + r"\b"
                            r"|(?P<author>" + _NAME + r")\s+" + _POSTED + r"\s+(?:an?|the|this|another)\s+(?:\w+\s+)?"
                            + _MESSAGE + r"\b")
MESSAGE_WINDOW = 240
WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
HONORIFIC = re.compile(r"\s*(Mr|Mrs|Ms|Miss)\b\.?\s+[A-Z]")


class Discourse:
    """State carried from sentence to sentence while reading one article.

    Every look-up costs the same however long the article is, so that the
    whole reading stays linear: names are expanded through per-name indexes
    built once, the last speaker of each kind is kept, and descriptions
    ("the company", "the judge") look back over a bounded number of
    recent mentions, as a reader does.
    """

    def __init__(self, text: str):
        self.index = MentionIndex(text)
        self.text = text
        self.sources: list[Entity] = []
        self.last_of_kind: dict[bool, Entity] = {}  # is-person -> last such speaker
        self.last_body_source: Entity | None = None
        self.last_org_source: Entity | None = None
        self.last_described_person: Entity | None = None  # "a teacher", "the mother" who spoke, unnamed
        self.expansions: dict[tuple[str, ...], Entity] = {}  # short name -> last longer speaker
        self.subjects: list[tuple[int, str]] = []
        self.subject_roles: dict[int, str] = {}
        self.addressee: Entity | None = None  # who the last sentence put a question to
        self.addressee_fresh = False
        self.pronoun_of: dict[str, str] = {}  # person's name -> the "he" or "she" first resolved to them

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
        if entity.kind in {"description", "anaphor"} and _personal_description(entity.name):
            self.last_described_person = entity
        if entity.kind in {"group", "description"}:
            return  # "Officials at the Department of X" lends no name to a later "the Department of X"
        if entity.kind == "org":
            self.last_org_source = entity
        tokens = name_tokens(entity.name)[:MAX_NAME_WORDS]
        for i in range(len(tokens)):
            for j in range(i + 1, len(tokens) + 1):
                if j - i < len(tokens) and not named_inside(tokens[:i]):
                    self.expansions[tokens[i:j]] = entity

    def resolve(self, phrase: names.Phrase, pos: int) -> Entity:
        """The fullest entity the article gives for a parsed source slot."""
        if phrase.kind == "pronoun" and phrase.head == "it" and (author := self._message_author(pos)):
            found = author  # "... an image Jane Doe posted on Sunday. It says, ..."
        elif phrase.kind == "pronoun":
            found = self._agreeing(phrase.head, self._last_speaker(phrase.head, pos) or self.last_mention(phrase.head, pos))
            if found is not None and found.kind == "person" and phrase.head in lexicon.PERSON_PRONOUNS:
                self.pronoun_of.setdefault(found.name, phrase.head)
        elif phrase.kind == "group" and len(phrase.text.split()) == 1:
            found = self.expand(phrase.text, pos)  # "Tunisians", "Officials": the group as written,
            if found is None or found.kind != "person" or not name_kinds.PERSON_NAME.fullmatch(found.name):
                found = None  # but "Powers" after "Bill Powers" is he
        elif phrase.kind in {"person", "org", "group"}:
            found = self.expand(phrase.text, pos)
            if found is None and phrase.text.lower() in lexicon.TITLES:  # "the future President said"
                found = definite(self, names.Phrase(phrase.text, phrase.role, "anaphor", phrase.text.lower()), pos)
        elif phrase.kind == "anaphor":
            found = self._surname(phrase.text, pos) or definite(self, phrase, pos)
        else:
            found = None
        if found is None:
            kind = "org" if phrase.kind == "person" and name_kinds.lone_name(phrase.text) \
                and not _person_role(phrase.role) else phrase.kind  # not "her mother, Fiona,"
            return self._honorific(Entity(phrase.text, phrase.role, kind, pos))
        return self._honorific(Entity(found.name, phrase.role or found.role, found.kind, pos))

    def _message_author(self, pos: int) -> Entity | None:
        """"It says" right after a sentence about a post, an image or a letter someone posted or wrote:
        the message speaks for its author."""
        window = self.text[max(0, pos - MESSAGE_WINDOW):pos]
        found = None
        for found in POSTED_MESSAGE.finditer(window):
            pass
        if found is None or ". " in window[found.end():].strip()[:-1]:
            return None
        words = (found.group("name") or found.group("author")).split()
        while len(words) > 1 and (words[0].lower() in lexicon.INTRO_WORDS or words[0] in WEEKDAYS):
            words.pop(0)  # "On Sunday Ann Lowe shared a photo"
        name = " ".join(words)
        return self.expand(name, pos) or Entity(name, None, name_kinds.name_kind(name), pos)

    def _honorific(self, entity: Entity) -> Entity:
        """"Mr. Hale said" makes Hale a "he", "Ms Lee" a "she", for the pronouns that follow."""
        honorific = HONORIFIC.match(self.text, entity.pos, entity.pos + 12) if entity.kind == "person" else None
        if honorific:
            self.pronoun_of.setdefault(entity.name, "he" if honorific.group(1) == "Mr" else "she")
        return entity

    def _surname(self, text: str, pos: int) -> Entity | None:
        """"said King" after "Wayne King": a capitalised title word alone that ends
        a person's full name mentioned before is that person, not an office."""
        if len(text.split()) != 1 or not text[:1].isupper():
            return None
        found = self.expand(text, pos)
        if found is None or found.kind != "person" or not name_kinds.PERSON_NAME.fullmatch(found.name) \
                or tokens.bare(found.name.split()[-1]) != tokens.bare(text):
            return None
        return found

    def _last_speaker(self, pronoun: str, pos: int) -> Entity | None:
        """He/she: the last person who spoke, unless the sentence before names a
        new person as its subject ("Rep. Adam Schiff opened the hearing. He said");
        it: likewise for an organisation; they: the last body that spoke."""
        person = pronoun in lexicon.PERSON_PRONOUNS
        speaker = self.last_of_kind.get(person)
        described = self.last_described_person if person else None  # "One teacher ... said. She added"
        if described is not None and (speaker is None or described.pos > speaker.pos):
            speaker = described
        if pronoun in {"he", "she", "it"}:
            subject = self.previous_subject(pos, person)
        else:
            subject = self._previous_group(pos)
        if subject and (speaker is None or subject.pos > speaker.pos):
            return subject
        return speaker

    def _agreeing(self, pronoun: str, found: Entity | None) -> Entity | None:
        """"She said" when the speaker in view was called "he" before: the last speaker called "she" instead
        (a name's sex is never guessed, only what the article itself said of that person)."""
        if found is None or self.pronoun_of.get(found.name, pronoun) == pronoun:
            return found
        for entity in self.sources[:-LOOKBACK - 1:-1]:
            if entity.kind == "person" and self.pronoun_of.get(entity.name) == pronoun:
                return entity
        return found

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

    def previous_subject(self, pos: int, person: bool | None) -> Entity | None:
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
        found = self.expand(name, pos) or Entity(name, role, _kind_of_subject(name), start)
        if person is not None and (person != (found.kind == "person") or person and name_kinds.lone_name(found.name)):
            return None
        return Entity(found.name, self.subject_roles.get(start) or found.role, found.kind, start)

    def last_mention(self, pronoun: str, pos: int) -> Entity | None:
        """"It said" before any organisation spoke: the last one mentioned;
        "he said" before anyone spoke: the last person named."""
        if pronoun in lexicon.PERSON_PRONOUNS:
            return self._last_person_subject(pos)
        mention = next((m for m in self.index.recent_orgs(pos) if not _titled_person(m.run)), None)
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
                found = self.expand(name, pos)
                if found or len(name.split()) > 1:  # not "Video obtained from the salon shows"
                    return found or Entity(name, None, "person", start)
        for m in self.index.recent_mentions(pos):
            if name_kinds.PERSON_NAME.fullmatch(m.name) and not m.org:
                return Entity(m.name, m.role, "person", m.start)  # the last person named
        return None

    def expand(self, text: str, pos: int) -> Entity | None:
        """A short name to the longest earlier name that contains it: a speaker's
        first, then any name the article mentions."""
        short = name_tokens(text)
        if not short:
            return None
        if short in self.expansions:
            return self.expansions[short]
        return self.index.longest_name(text, short, pos)


def _kind_of_subject(name: str) -> str:
    """"Analysts" opening a sentence is a group, though capitalised; "Hale" a person."""
    kind = name_kinds.name_kind(name)
    plural = len(name.split()) == 1 and name.endswith("s") and name[1:].islower() and len(name) > 4
    return "group" if kind == "person" and plural else kind


def _titled_person(run: str) -> bool:
    """"Saint Louis County Police Officer Blake Snyder": a title, then a person's name, is no "it"."""
    role, name = titles.split_title(run)
    return bool(role) and len(name.split()) >= 2 and name_kinds.name_kind(name) == "person"


def _person_role(role: str | None) -> bool:
    """A role only a person holds ("her mother", "a nurse"): a lone first name with it is someone's."""
    ws = tokens.words(role or "")
    return bool(ws) and (tokens.bare(ws[-1]) in KIN or tokens.is_role_word(ws[-1]))


PERSONAL_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ee")
PERSONAL_HEADS = frozenset("witness nurse source resident student victim survivor passenger official neighbour "
                           "neighbor relative".split())
NOT_PERSONAL = lexicon.ORG_WORDS | lexicon.DOC_NOUNS | frozenset(
    "paper order letter poster center centre statement document agreement government parliament".split())


def _personal_description(name: str) -> bool:
    """"teacher", "a resident", "the mother": an unnamed person a later "she" or "he" may be."""
    ws = tokens.words(name)
    head = tokens.bare(ws[-1]) if ws else ""
    if not head or head in NOT_PERSONAL or name[:1].isupper() and len(ws) > 1:
        return False
    return _person_role(name) or head in KIN or head in PERSONAL_HEADS or len(head) > 4 and head.endswith(PERSONAL_SUFFIXES)
