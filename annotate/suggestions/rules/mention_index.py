"""The names an article mentions, indexed once for look-ups by position.

"Irwin said" expands to the "Peter Irwin" mentioned earlier, "IMF" to the
"International Monetary Fund" spelt out before, "the company" to the firm
named most; these indexes are built once per article so that every such
look-up costs the same however long the article is.  What has been said
(speakers, subjects) is discourse.py's; this is only what is written.
"""
import bisect
import re

from annotate.suggestions.rules import name_kinds
from annotate.suggestions.rules.entity import Entity
from annotate.suggestions.rules.mentions import Mention
from annotate.suggestions.rules.mentions import RUN
from annotate.suggestions.rules.mentions import clean_run
from annotate.suggestions.rules.mentions import contains
from annotate.suggestions.rules.mentions import doc_mentions
from annotate.suggestions.rules.mentions import initials
from annotate.suggestions.rules.mentions import mention_at
from annotate.suggestions.rules.mentions import named_inside

NAME_WORD = r"(?:[A-Z][\w.&'’-]*|and|of|for|the|on|in)"
SPELLED_OUT = re.compile(r"(?P<name>" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){1,9})\s+\((?P<acronym>[A-Z]{2,6})\)")
LOOKBACK = 60  # mentions or speakers a description may reach back over


class MentionIndex:
    """An article's mentions, organisations, titled names and documents, in text order."""

    def __init__(self, text: str):
        self.mentions = [mention_at(start, clean_run(run)) for m in RUN.finditer(text)
                         for start, run in _possessor_and_possessed(m.start(), m.group())]
        self.by_token: dict[str, list[Mention]] = {}
        for mention in self.mentions:
            for token in set(mention.tokens):
                self.by_token.setdefault(token, []).append(mention)
        self.mention_starts = [m.start for m in self.mentions]
        self.orgs = [m for m in self.mentions if m.org]
        self.acronyms: dict[str, Mention] = {}  # "IMF" -> the first "International Monetary Fund"
        for m in self.orgs:
            self.acronyms.setdefault(initials(m.run) or "", m)
        for m in self.mentions:  # a body whose name has no organisation word: "Public Health England" ... "PHE"
            if not m.org and len(m.run.split()) >= 3:
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
        self.longest: dict[tuple[str, ...], tuple[list[int], list[Mention]]] = {}
        self.first_seen: dict[tuple[str, ...], tuple[int | None, int | None]] = {}

    def recent_mentions(self, pos: int):
        """Names mentioned before pos, most recent first."""
        return self._before(self.mentions, self.mention_starts, pos)

    def recent_orgs(self, pos: int):
        """Organisations mentioned before pos, most recent first."""
        return self._before(self.orgs, self.org_starts, pos)

    def recent_titled(self, pos: int):
        """Names mentioned with a title before pos ("Judge Ann Lee"), most recent first."""
        return self._before(self.titled, self.titled_starts, pos)

    def _before(self, mentions: list[Mention], starts: list[int], pos: int):
        """Up to LOOKBACK mentions starting before pos, most recent first."""
        i = bisect.bisect_left(starts, pos)
        for k in range(i - 1, max(-1, i - 1 - LOOKBACK), -1):
            yield mentions[k]

    def doc_before(self, pos: int) -> str | None:
        """The name of the last document mentioned before pos, if it has one."""
        k = bisect.bisect_left(self.doc_starts, pos)
        return self.docs[k - 1][1] if k else None

    def mentions_before(self, token: str, pos: int) -> int:
        """How often a name's first word was mentioned before pos ("Boeing" x 9)."""
        return bisect.bisect_left(self.by_token.get(token, []), pos, key=lambda m: m.start)

    def longest_name(self, text: str, short: tuple[str, ...], pos: int) -> Entity | None:
        """The longest name mentioned before pos that contains the short one; failing
        that, the acronym spelt out, or the full name the article gives later."""
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
            surname = m.tokens[-len(short):] == short and not m.org and name_kinds.PERSON_NAME.fullmatch(m.name)
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
                part_of = named_inside(m.tokens[:-n])
                if len(m.tokens) > n and (m.tokens[-n:] == short and not part_of or m.tokens[:n] == short):
                    if current is None or len(m.tokens) > len(current.tokens):  # the first introduced on ties
                        current = m
                    starts.append(m.start)
                    best.append(current)
            self.longest[short] = (starts, best)
        return self.longest[short]


POSSESSIVE = re.compile(r"['’]s\s+(?=[A-Z])")


def _possessor_and_possessed(start: int, run: str) -> list[tuple[int, str]]:
    """"Japan’s Prime Minister Shinzo Abe" names Japan and, after the possessive, Shinzo Abe."""
    parts, offset = [], 0
    for cut in POSSESSIVE.finditer(run):
        parts.append((start + offset, run[offset: cut.end()].rstrip()))
        offset = cut.end()
    parts.append((start + offset, run[offset:]))
    return parts


def _abbreviates(acronym: str, name: str) -> bool:
    """Whether the capitals of name spell the acronym in order ("CDC": Centers for
    Disease Control and Prevention)."""
    capitals = iter(w[0] for w in name.split() if w[:1].isupper())
    return all(letter in capitals for letter in acronym)
