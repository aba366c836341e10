"""Claim and attribution suggestions for an imported article.

Why rules and not a model: no model download is allowed here, the output
must be span-exact (offsets into the article that reviewers then edit), and
attribution in news copy follows a small set of conventions (cue before or
after the quote, appositive roles, surname and pronoun back-reference) that
rules capture and that can be read, tested and fixed one case at a time.
Everything is pure Python (stdlib only) and linear in the article length.

Modules, one concept each:
  model.py            Attribution, Suggestion value objects
  lexicon.py          word lists (reporting verbs, titles, organisation words)
  quotes.py           pairing quotation marks per paragraph
  tokens.py           word-level tests (bare forms, proper names, verb-like words)
  name_kinds.py       whether a proper name is a person's, an organisation's or a group's
  titles.py           where a title ends and a name begins ("Sen. X", "Secretary of State X")
  slot_parts.py       a source slot cut into comma parts, adjuncts and clauses dropped
  subjects.py         a clause's subject and the role its appositive gives it
  names.py            parsing a source slot into name, role and kind
  mentions.py         the names and documents an article mentions, parsed once
  mention_index.py    those mentions indexed once, looked up by position
  entity.py           Entity, a source resolved against the article
  descriptions.py     resolving "the report", "the company", "the judge", "the groups"
  discourse.py        article-wide memory: speakers, subjects; surnames and pronouns resolved
  frames/             finding the attribution frame of one sentence (a package)
  attribution.py      two passes over the article: frames, then quotations
  checkworthiness.py  scoring how checkable a sentence is
  suggest.py          the entry points below
"""
from annotate.suggestions.rules.model import Attribution
from annotate.suggestions.rules.model import Suggestion
from annotate.suggestions.rules.suggest import THRESHOLD
from annotate.suggestions.rules.suggest import analyse
from annotate.suggestions.rules.suggest import suggest

__all__ = ["Attribution", "Suggestion", "THRESHOLD", "analyse", "suggest"]
