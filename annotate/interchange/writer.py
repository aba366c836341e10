"""Writing a validated import: users, articles with their sentences, claims (re-anchored when needed)."""
from bisect import bisect_right
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm.attributes import flag_modified

from annotate.accounts import operations as accounts
from annotate.extensions import db
from annotate.interchange import review_records
from annotate.interchange.known import KnownIds
from annotate.interchange.known import where_in
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Evidence
from annotate.models import OrphanClaim
from annotate.models import Sentence
from annotate.models import User
from annotate.text import anchoring
from annotate.text.times import parse_iso

USER_KEYS = {"created_by", "updated_by", "reviewer", "author", "decided_by", "actor", "resolved_by", "reopened_by",
             "assigned_by", "user", "flagged_by"}
USER_LIST_KEYS = {"mentions"}


def usernames_in(node, found: set) -> set:
    """Every username the document refers to, wherever it sits."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in USER_KEYS and isinstance(value, str) and value:
                found.add(value)
            elif key in USER_LIST_KEYS and isinstance(value, list):
                found.update(name for name in value if isinstance(name, str) and name)
            else:
                usernames_in(value, found)
    elif isinstance(node, list):
        for item in node:
            usernames_in(item, found)
    return found


def sentence_holding(sentences: list[Sentence], starts: list[int], offset: int) -> Sentence | None:
    """The sentence (in reading order, non-overlapping; starts[i] is sentences[i].start) holding offset."""
    position = bisect_right(starts, offset) - 1
    if position >= 0 and offset < sentences[position].end:
        return sentences[position]
    return None


class Writer:
    """Writes one validated document; keeps the report up to date as it goes.

    The records the document names are looked up once (KnownIds), and each article's claims are written in
    two flushes: the claims with their evidence, then the review records that need the claims' ids.
    """

    def __init__(self, report, mode: str, actor: User | None, known: KnownIds, file_ids: set[str] = frozenset()):
        self.report, self.mode, self.actor, self.known = report, mode, actor, known
        self.file_ids = file_ids  # the ids of every article in the file
        self.placed: set[int] = set()  # the articles here that an article of the file became
        self.users_by_name: dict[str, User] = {}
        self.starts: list[int] = []

    def users(self, document: dict) -> None:
        """Known users by name; unknown ones are created disabled (they cannot log in until enabled)."""
        names = sorted(usernames_in(document, set()))
        self.users_by_name = {u.username: u for u in where_in(select(User), User.username, names)}
        for name in names:
            if name not in self.users_by_name:
                self.users_by_name[name], _ = accounts.create_user(name, "reviewer", active=False)
                self.report.users_created.append(name)
        db.session.flush()

    def user(self, name: str | None) -> User | None:
        return self.users_by_name.get(name) if name else None

    def vocabulary(self, items) -> None:
        if items:
            review_records.import_vocabulary(items)

    def find_article(self, data: dict) -> tuple[Article | None, str]:
        """The same article here, and how it was found: by id first. Only an article whose id is unknown here is
        matched by identical text (another installation's copy), and one to one: never to an article the file
        names by its own id, nor to one another article of this file already became."""
        article = self.known.articles.get(data["id"])
        if article is not None:
            return article, "id"
        same_text = select(Article).where(Article.text == data["text"]).order_by(Article.id)
        for candidate in db.session.scalars(same_text):
            if candidate.id not in self.placed and candidate.uuid not in self.file_ids:
                return candidate, "text"
        return None, "created"

    def create_article(self, data: dict) -> Article:
        published = date.fromisoformat(data["published"]) if data.get("published") else None
        article = Article(uuid=data["id"], title=data["title"], source_url=data.get("source_url"), published=published,
                          text=data["text"], created_by=self.user(data.get("created_by")), updated_by=self.actor)
        if data.get("created_at"):
            article.created_at = article.updated_at = parse_iso(data["created_at"])
        for item in data["sentences"]:
            article.sentences.append(Sentence(index=item["index"], start=item["start"], end=item["end"],
                                              kind=item["kind"], paragraph=item.get("paragraph", 0),
                                              no_claim=item.get("no_claim", False),
                                              created_by=self.actor, updated_by=self.actor))
        db.session.add(article)
        db.session.flush()
        return article

    def article(self, data: dict) -> None:
        article, how = self.find_article(data)
        if article is None:
            article = self.create_article(data)
        self.placed.add(article.id)
        self.report.matched(data, how, article)
        self.starts = [s.start for s in article.sentences]  # bisected per claim in place()
        same_text = article.text == data["text"]
        written = [(claim, item) for item in data["claims"] if (claim := self.claim(article, item, same_text))]
        db.session.flush()  # the claims and their evidence, inserted together; now they have ids
        history: list[dict] = []
        for claim, item in written:
            review_records.import_claim_records(claim, item, self.users_by_name, self.known, history, self.actor)
        review_records.insert_history(history)
        db.session.flush()

    def place(self, article: Article, data: dict, same_text: bool) -> tuple[Sentence | None, int, int, str]:
        """Where the claim goes in this article's text, or (None, …, reason) for an orphan."""
        if same_text:
            start, end = data["start"], data["end"]
        else:
            found = anchoring.anchor(article.text, data["quote"], data.get("prefix", ""), data.get("suffix", ""),
                                     data["start"])
            if found is None:
                return None, 0, 0, "the quote was not found in this article's text (not even approximately)"
            start, end = found.start, found.end
            if found.method != "offsets":
                self.report.claims_reanchored += 1
                if found.method == "fuzzy":
                    self.report.notes.append(f"claim {data['id']}: re-anchored approximately ({found.errors} edits); "
                                             f"quote now {article.text[start:end]!r}")
        sentence = sentence_holding(article.sentences, self.starts, start)
        if sentence is not None and end <= sentence.end:
            return sentence, start, end, ""
        return None, start, end, "the quote runs across a sentence boundary in this article"

    def claim(self, article: Article, data: dict, same_text: bool) -> Claim | None:
        """Create or (in replace mode) overwrite one claim; None when it was skipped or kept as an orphan."""
        existing = self.known.claims.get(data["id"])
        if existing is not None and self.mode == "skip":
            self.report.claims_skipped += 1
            return None
        sentence, start, end, reason = self.place(article, data, same_text)
        if sentence is None:
            self.orphan(article, data, reason, existing)
            return None
        claim = existing or Claim(uuid=data["id"], article=article, evidence=[])  # a loaded, empty collection
        self.known.claims[claim.uuid] = claim
        self.fill_claim(claim, data, sentence, start, end)
        if existing is not None:
            self.report.claims_replaced += 1
        else:
            self.report.claims_created += 1
        return claim

    def orphan(self, article: Article, data: dict, reason: str, existing: Claim | None) -> None:
        """Keep what could not be placed, listed on the orphans page; never drop it."""
        if data["id"] not in self.known.orphans:
            self.known.orphans.add(data["id"])
            db.session.add(OrphanClaim(uuid=data["id"], article=article, payload=data, reason=reason))
            self.report.orphans += 1
        if existing is not None:
            self.report.notes.append(f"claim {data['id']}: kept the existing claim; the imported one is an orphan")

    def fill_claim(self, claim: Claim, data: dict, sentence: Sentence, start: int, end: int) -> None:
        """The claim's own columns and its evidence, as exported (its review records follow once it has an id)."""
        attribution = data["attribution"]
        claim.sentence, claim.start, claim.end = sentence, start, end
        claim.quote = claim.article.text[start:end]
        claim.attr_source, claim.attr_role = attribution["source"] or "", attribution["role"] or ""
        claim.attr_cue, claim.attr_type = attribution["cue"] or "", attribution["type"]
        claim.rationale, claim.version = data["rationale"], data["version"]
        claim.created_by, claim.updated_by = self.user(data["created_by"]), self.user(data["updated_by"])
        review_records.import_claim_state(claim, data, self.users_by_name)
        claim.created_at, claim.updated_at = parse_iso(data["created_at"]), parse_iso(data["updated_at"])
        flag_modified(claim, "updated_at")  # written as exported, even when unchanged: no automatic bump
        db.session.add(claim)
        if claim.evidence:  # replacing: the old items go first, so their ids can be reused
            for item in list(claim.evidence):
                self.known.evidence.discard(item.uuid)
                claim.evidence.remove(item)
            db.session.flush()
        for item in data["evidence"]:
            self.evidence(claim, item)

    def evidence(self, claim: Claim, data: dict) -> None:
        uuid = data.get("id")
        if uuid in self.known.evidence:
            self.report.notes.append(f"evidence {uuid} exists on another claim here; imported under a new id")
            uuid = None
        item = Evidence(claim=claim, url=data["url"], title=data["title"], excerpt=data["excerpt"],
                        stance=data["stance"], created_by=self.user(data["created_by"]),
                        updated_by=self.user(data["created_by"]))
        if uuid:
            item.uuid = uuid
            self.known.evidence.add(uuid)
        item.created_at = item.updated_at = parse_iso(data["created_at"])
        db.session.add(item)
