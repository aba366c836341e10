"""The native export's records read as plain rows: what native.document and the API's article read build from.

A mapped object costs several times a row to load, and the native JSON writes every column it reads, so each kind
of record (sentences, claims, evidence, verdicts, discussion, decisions, history, users) is read here in one
SELECT of its columns, however many claims there are, and grouped by what it belongs to. Users travel as an
id -> username map. The other formats still read the mapped snapshot (snapshot.py).
"""
import json
from collections import defaultdict
from collections import namedtuple
from dataclasses import dataclass
from functools import cache
from operator import attrgetter

import orjson
from sqlalchemy import DateTime
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import bindparam
from sqlalchemy import case
from sqlalchemy import cast
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import type_coerce

from annotate.extensions import db
from annotate.interchange import review_records
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Comment
from annotate.models import Decision
from annotate.models import Evidence
from annotate.models import HistoryEvent
from annotate.models import Rating
from annotate.models import Sentence
from annotate.models import User
from annotate.models import Verdict
from annotate.models.core import UTCDateTime
from annotate.models.review import verdict_evidence
from annotate.review import visibility

# A sentence's `index` is read as `position`: a row's .index is the tuple method.
SENTENCE_COLUMNS = (Sentence.article_id, Sentence.index.label("position"), Sentence.start, Sentence.end,
                    Sentence.kind, Sentence.paragraph, Sentence.no_claim)
ARTICLE_COLUMNS = (Article.id, Article.uuid, Article.title, Article.source_url, Article.published, Article.text,
                   Article.blind_verdicts, Article.created_by_id,
                   type_coerce(Article.created_at, DateTime).label("created_at"))
# A history event with its before and after read: what Viewer.event_values and review_records.event_dict read.
Event = namedtuple("Event", "uuid at actor_id actor_name action entity entity_id before after")


@dataclass
class Rows:
    """Articles by id order, and everything the native export writes about them, grouped by owner id."""

    articles: list
    sentences: dict[int, list]  # by article id, in order
    claims: dict[int, list]  # by article id, in the export's order (start, end, id)
    evidence: dict[int, list]  # by claim id
    verdicts: dict[int, list]  # by claim id, oldest first; superseded ones too
    verdict_evidence: dict[int, list[str]]  # verdict id -> sorted evidence ids
    comments: dict[int, list]  # by claim id, oldest first; `evidence_uuid` joined
    mentions: dict[int, list[str]]  # comment id -> usernames
    decisions: dict[int, list]  # by claim id, oldest first
    history: dict[int, list[Event]]  # by claim id, oldest first
    names: dict[int, str]  # user id -> username
    ratings: list
    viewer: visibility.Viewer
    floats: bool  # whether a history value holds a float (native.export_json then writes as json does)


def columns(model) -> list:
    """A model's columns, its times read as exported_time() gives them."""
    return [exported_time(c).label(c.name) if isinstance(c.type, UTCDateTime) else c for c in model.__table__.c]


def exported_time(column):
    """A time column as iso() writes it. SQLite keeps times as text ('2026-12-07 06:49:25.123456', naive UTC):
    there the export's text is made in the query, rather than parsing every time into a datetime only to write it
    out again (a tenth of a 5,000-sentence export); a whole second loses its '.000000' as isoformat() drops it.
    Elsewhere the time is read as the naive UTC the database keeps, and iso() writes it."""
    if db.session.get_bind().dialect.name != "sqlite":
        return type_coerce(column, DateTime)
    text = type_coerce(column, String)
    whole_second = func.substr(text, 20) == ".000000"
    return type_coerce(case((whole_second, func.replace(func.substr(text, 1, 19), " ", "T") + "Z"),
                            else_=func.replace(text, " ", "T") + "Z"), String)


@cache
def _record_type(names: tuple[str, ...]):
    return namedtuple("Record", names)


def _execute(query, params: dict | None = None):
    """Run a select of columns on the session's connection: the ORM's handling of a result costs a quarter of the
    time here and adds nothing to plain columns (load() flushes first, as the session would)."""
    return db.session.connection().execute(query, params)


def records(query, params: dict | None = None) -> list:
    """The query's rows as named tuples: reading a field of a Row costs twenty times a named tuple's."""
    result = _execute(query, params)
    return list(map(_record_type(tuple(result.keys()))._make, result.all()))  # all(): one fetchall, not a fetch a row


def _grouped(query, key: str = "claim_id", params: dict | None = None) -> dict[int, list]:
    grouped = defaultdict(list)
    for record in records(query, params):
        grouped[getattr(record, key)].append(record)
    return grouped


def _holds_float(value) -> bool:
    kind = type(value)
    if kind is not dict and kind is not list:
        return kind is float
    items = value.values() if kind is dict else value
    kinds = set(map(type, items))  # most values are one flat dict: one look at its types
    if float in kinds:
        return True
    return (dict in kinds or list in kinds) and any(_holds_float(item) for item in items)


def _json_value(text: str | None) -> tuple:
    """A JSON column's value from its text, and whether it holds a float.

    orjson reads JSON several times faster than json, to the same values, save numbers with a fraction or an
    exponent, NaN and Infinity, and integers past 64 bits (orjson makes those floats, or refuses them); a value with
    a float in it, or one orjson refuses, is read again by json, as SQLAlchemy's JSON type reads it.
    """
    if text is None or text == "null":  # a created claim has no `before`
        return None, False
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError:  # NaN, Infinity, a lone surrogate: json reads them
        pass
    else:
        if not _holds_float(value):
            return value, False
    value = json.loads(text)
    return value, _holds_float(value)


def _history(query, params: dict | None) -> tuple[dict[int, list[Event]], bool]:
    """The claims' events by claim id, oldest first, with their values read; and whether a value holds a float."""
    grouped, floats = defaultdict(list), False
    for claim_id, *fields, before, after in _execute(query, params).all():
        (before, before_floats), (after, after_floats) = _json_value(before), _json_value(after)
        floats = floats or before_floats or after_floats
        grouped[claim_id].append(Event(*fields, before, after))
    return grouped, floats


def _claims(query, params: dict | None) -> dict[int, list]:
    """Claims by article id, in the order the export writes them: by span, then id."""
    grouped = _grouped(query, "article_id", params)
    for claims in grouped.values():
        claims.sort(key=attrgetter("start", "end", "uuid"))
    return grouped


def _comments(statements: dict, params: dict | None) -> tuple[dict[int, list], dict[int, list[str]]]:
    """Comments by claim id, oldest first, with their evidence's id; and the usernames mentioned, by comment id."""
    comments = _grouped(statements["comments"], "claim_id", params)
    mentions = defaultdict(list)
    if comments:
        for comment_id, name in _execute(statements["mentions"], params):
            mentions[comment_id].append(name)
    return comments, mentions


def _verdict_evidence(query, params: dict | None) -> dict[int, list[str]]:
    """The ids of the evidence each verdict cites, sorted, by verdict id."""
    linked = defaultdict(list)
    for verdict_id, uuid in _execute(query, params):
        linked[verdict_id].append(uuid)
    for uuids in linked.values():
        uuids.sort()
    return linked


@cache
def _statements(dialect: str, some_articles: bool) -> dict:
    """The export's statements, built once per database dialect (times are read differently) and for some articles
    (their ids bound at each run) or all: building them and their cache keys took a twentieth of an export."""
    del dialect  # part of the cache key: exported_time() reads it from the session's bind
    articles = select(*ARTICLE_COLUMNS).order_by(Article.id)
    sentences = select(*SENTENCE_COLUMNS).order_by(Sentence.article_id, Sentence.index)
    claims = select(*columns(Claim), Sentence.index.label("sentence_index")).join(
        Sentence, Claim.sentence_id == Sentence.id)
    claim_ids = select(Claim.id)
    if some_articles:
        ids = bindparam("article_ids", expanding=True)
        articles = articles.where(Article.id.in_(ids))
        sentences = sentences.where(Sentence.article_id.in_(ids))
        claims = claims.where(Claim.article_id.in_(ids))
        claim_ids = claim_ids.where(Claim.article_id.in_(ids))
    return {
        "articles": articles, "sentences": sentences, "claims": claims,
        "comments": select(*columns(Comment), Evidence.uuid.label("evidence_uuid"))
        .outerjoin(Evidence, Comment.evidence_id == Evidence.id)
        .where(Comment.claim_id.in_(claim_ids)).order_by(Comment.created_at, Comment.id),
        "mentions": review_records.mentions_query(claim_ids),
        "history": select(HistoryEvent.claim_id, HistoryEvent.uuid, exported_time(HistoryEvent.at),
                          HistoryEvent.actor_id, User.username, HistoryEvent.action, HistoryEvent.entity,
                          HistoryEvent.entity_id, cast(HistoryEvent.before, Text), cast(HistoryEvent.after, Text))
        .outerjoin(User, HistoryEvent.actor_id == User.id).where(HistoryEvent.claim_id.in_(claim_ids))
        .order_by(HistoryEvent.claim_id, HistoryEvent.at, HistoryEvent.id),  # the claim first: no sort
        "evidence": select(*columns(Evidence)).where(Evidence.claim_id.in_(claim_ids)).order_by(Evidence.id),
        "verdicts": select(*columns(Verdict)).where(Verdict.claim_id.in_(claim_ids))
        .order_by(Verdict.created_at, Verdict.id),
        "verdict_evidence": select(verdict_evidence.c.verdict_id, Evidence.uuid)
        .join(Evidence, verdict_evidence.c.evidence_id == Evidence.id)
        .join(Verdict, verdict_evidence.c.verdict_id == Verdict.id).where(Verdict.claim_id.in_(claim_ids)),
        "decisions": select(*columns(Decision)).where(Decision.claim_id.in_(claim_ids))
        .order_by(Decision.decided_at, Decision.id),
        "names": select(User.id, User.username),
        "ratings": select(*Rating.__table__.c).order_by(Rating.position, Rating.id),
    }


def load(article_ids: list[int] | None = None, viewer: visibility.Viewer | None = None) -> Rows:
    """The rows of the given articles (all when None), for the reader of the request unless a viewer is given."""
    db.session.flush()  # what the session would do before a query of its own
    statements = _statements(db.session.get_bind().dialect.name, article_ids is not None)
    params = {"article_ids": list(article_ids)} if article_ids is not None else None
    comments, mentions = _comments(statements, params)
    history, floats = _history(statements["history"], params)
    return Rows(
        articles=records(statements["articles"], params),
        sentences=_grouped(statements["sentences"], "article_id", params),
        claims=_claims(statements["claims"], params),
        evidence=_grouped(statements["evidence"], "claim_id", params),
        verdicts=_grouped(statements["verdicts"], "claim_id", params),
        verdict_evidence=_verdict_evidence(statements["verdict_evidence"], params),
        comments=comments,
        mentions=mentions,
        decisions=_grouped(statements["decisions"], "claim_id", params),
        history=history,
        names=dict(_execute(statements["names"]).all()),
        ratings=records(statements["ratings"]),
        viewer=viewer or visibility.current_viewer(),
        floats=floats,
    )
