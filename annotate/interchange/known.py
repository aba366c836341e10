"""What an import document names that this database already holds, loaded once per import.

Looking each id up as it was written cost queries per claim, evidence item and review record, and the review
records were checked against every id in the database for every claim (O(N·M)). Here each table is asked
once, for the ids the document holds only; the writer then adds what it creates, so a later duplicate in the
same document is seen too.
"""
from dataclasses import dataclass
from dataclasses import field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from annotate.extensions import db
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Comment
from annotate.models import Decision
from annotate.models import Evidence
from annotate.models import HistoryEvent
from annotate.models import OrphanClaim
from annotate.models import Verdict

CHUNK = 500  # ids per IN list: far below any database's limit on bound parameters


def where_in(query, column, values) -> list:
    """The query's results for rows whose column is one of the values, asked 500 values at a time."""
    values = sorted({v for v in values if v})
    return [row for start in range(0, len(values), CHUNK)
            for row in db.session.scalars(query.where(column.in_(values[start : start + CHUNK])))]


def by_uuid(model, values, *options) -> dict:
    """Records of the model by uuid, for the uuids given."""
    return {r.uuid: r for r in where_in(select(model).options(*options), model.uuid, values)}


def present(column, values) -> set[str]:
    """Which of the values this database already holds in the column."""
    return set(where_in(select(column), column, values))


def review_ids(claim: dict) -> dict[str, list[str]]:
    """The ids of a claim's review records, by kind (each kind is its own table)."""
    decisions = ([claim["decision"]] if claim.get("decision") else []) + claim.get("reopened_decisions", [])
    comments = claim.get("comments", [])
    return {
        "verdicts": [v["id"] for v in claim.get("verdicts", []) + claim.get("verdict_revisions", [])],
        "comments": [c["id"] for c in comments] + [c["parent_id"] for c in comments if c.get("parent_id")],
        "decisions": [d["id"] for d in decisions],
        "history": [e["id"] for e in claim.get("history", [])],
    }


@dataclass
class KnownIds:
    """Records of this database by the stable id the document gives them (sets where only presence matters)."""

    articles: dict[str, Article] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    evidence: set[str] = field(default_factory=set)
    orphans: set[str] = field(default_factory=set)
    verdicts: set[str] = field(default_factory=set)
    comments: dict[str, Comment] = field(default_factory=dict)
    decisions: set[str] = field(default_factory=set)
    history: set[str] = field(default_factory=set)

    @classmethod
    def of_claims(cls, claims: list[dict], article_ids: list[str] = ()) -> "KnownIds":
        """Load what the given claims (and articles) name: one query a table, per 500 ids."""
        ids = {"verdicts": [], "comments": [], "decisions": [], "history": []}
        for claim in claims:
            for kind, values in review_ids(claim).items():
                ids[kind] += values
        claim_ids = [c["id"] for c in claims]
        return cls(
            articles=by_uuid(Article, article_ids, selectinload(Article.sentences)),
            claims=by_uuid(Claim, claim_ids, selectinload(Claim.evidence)),
            evidence=present(Evidence.uuid, [e.get("id") for c in claims for e in c.get("evidence", [])]),
            orphans=present(OrphanClaim.uuid, claim_ids),
            verdicts=present(Verdict.uuid, ids["verdicts"]),
            comments=by_uuid(Comment, ids["comments"]),
            decisions=present(Decision.uuid, ids["decisions"]),
            history=present(HistoryEvent.uuid, ids["history"]),
        )

    @classmethod
    def of_document(cls, document: dict) -> "KnownIds":
        articles = document["articles"]
        return cls.of_claims([c for a in articles for c in a["claims"]], [a["id"] for a in articles])
