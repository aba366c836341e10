"""The review workflow: independent verdicts, disputes found by disagreement or flagged, quorum, sign-off, reopen.

Workflow states: unverified -> in_review -> disputed | awaiting_signoff -> decided. The state is never set by
hand: it is recomputed from the verdicts, the manual flag and the decision after every change.
"""
from dataclasses import dataclass
from dataclasses import field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import set_committed_value

from annotate.accounts.permissions import NotAllowed
from annotate.accounts.permissions import can_unflag
from annotate.accounts.permissions import require_role
from annotate.claims import history
from annotate.compare_and_set import change_if
from annotate.errors import InputError
from annotate.extensions import db
from annotate.models import Claim
from annotate.models import Decision
from annotate.models import Evidence
from annotate.models import User
from annotate.models import Verdict
from annotate.models import utcnow
from annotate.review import ratings
from annotate.review import visibility

METHODS = ("consensus", "vote", "editor")
METHOD_LABELS = {"consensus": "Consensus", "vote": "Vote", "editor": "Editor's call"}
CONFIDENCE_LABELS = {1: "Very low", 2: "Low", 3: "Medium", 4: "High", 5: "Very high"}
MAX_NOTE = 5000


class ClaimLocked(InputError):
    """A decided claim takes no further verdicts or edits until an editor reopens it."""

    status, code = 409, "claim_locked"

    def __init__(self, claim: Claim):
        decision = current_decision(claim)
        who = decision.decided_by.username if decision else "an editor"
        super().__init__(f"This claim was signed off by {who} and is locked. An editor can reopen it.", "claim")


class ClaimGone(InputError):
    """The claim was deleted after the request read it and before its write (evidence reads its claim before
    SQLite's write lock; on PostgreSQL nothing a request reads is locked unless it asks)."""

    status, code = 404, "claim_gone"

    def __init__(self):
        super().__init__("This claim was deleted meanwhile. Reload the article.", "claim")


def gone_or_locked(claim: Claim) -> InputError:
    """Why a write that needed the claim present and unlocked matched no row (change_if's refusal)."""
    locked = db.session.scalar(select(Claim.locked).where(Claim.id == claim.id))
    if locked is None:
        return ClaimGone()
    set_committed_value(claim, "locked", locked)
    return ClaimLocked(claim)


class VerdictChanged(InputError):
    """The reviewer's verdict changed since this one was begun (another tab, a double click): one current verdict
    per reviewer, so the later write is refused rather than kept beside it."""

    status, code = 409, "verdict_changed"

    def __init__(self):
        super().__init__("Your verdict on this claim changed meanwhile (another tab or window?). Reload it and "
                         "give your verdict again if it still needs changing.", "rating")


class FlagChanged(InputError):
    """The claim's flag or decision changed while this request was on its way (someone flagged, withdrew, reopened)."""

    status, code = 409, "flag_changed"


def check_unlocked(claim: Claim) -> None:
    if claim.locked:
        raise ClaimLocked(claim)


def current_verdicts(claim: Claim) -> list[Verdict]:
    """Each reviewer's latest verdict on the claim, oldest first, with its reviewer and evidence in the same query
    (a handful of rows: one statement, not a second for the evidence)."""
    query = (select(Verdict).where(Verdict.claim_id == claim.id, Verdict.superseded_at.is_(None))
             .options(joinedload(Verdict.reviewer), joinedload(Verdict.evidence))
             .order_by(Verdict.created_at, Verdict.id))
    return list(db.session.scalars(query).unique())


def verdict_of(claim: Claim, user: User) -> Verdict | None:
    return next((v for v in current_verdicts(claim) if v.reviewer_id == user.id), None)


def current_decision(claim: Claim) -> Decision | None:
    """The decision in force (a reopened one is kept, but no longer counts)."""
    query = (select(Decision).where(Decision.claim_id == claim.id, Decision.reopened_at.is_(None))
             .order_by(Decision.decided_at.desc(), Decision.id.desc()))
    return db.session.scalars(query).first()


def verdict_snapshot(verdict: Verdict) -> dict:
    return {"reviewer": verdict.reviewer.username, "rating": verdict.rating, "confidence": verdict.confidence,
            "note": verdict.note, "evidence": sorted(e.uuid for e in verdict.evidence)}


def decision_snapshot(decision: Decision) -> dict:
    return {"rating": decision.rating, "explanation": decision.explanation, "method": decision.method,
            "decided_by": decision.decided_by.username}


def state_for(claim: Claim, verdicts: list[Verdict], decided: bool) -> str:
    """The workflow state that the verdicts, the flag and the decision imply."""
    if decided:
        return "decided"
    if claim.flag_reason:
        return "disputed"
    if len({ratings.group_of(v.rating) for v in verdicts}) > 1:
        return "disputed"
    if verdicts and len(verdicts) >= max(1, claim.article.quorum or 1):
        return "awaiting_signoff"
    return "in_review" if verdicts else "unverified"


def outcome(claim: Claim, verdicts: list[Verdict], decision: Decision | None) -> tuple[str, str | None]:
    """The workflow state and the rating it decides (None until decided): an editor's decision, or on an article
    where a single verdict decides, the latest verdict while the verdicts agree and nobody flagged a dispute."""
    if decision is not None:
        return "decided", decision.rating
    state = state_for(claim, verdicts, False)
    if claim.article.single_verdict and state in ("in_review", "awaiting_signoff"):
        return "decided", max(verdicts, key=lambda v: (v.created_at, v.id)).rating
    return state, None


def refresh_state(claim: Claim, actor: User | None, verdicts: list[Verdict] | None = None) -> str:
    """Recompute the state, the rating and the export status from the verdicts, the flag and the decision: nobody
    sets any of them by hand. `verdicts`: the claim's current verdicts when the caller has them (not loaded again)."""
    decision = current_decision(claim) if claim.locked else None
    verdicts = current_verdicts(claim) if verdicts is None else verdicts
    new, rating = outcome(claim, verdicts, decision)
    status = ratings.status_for(new, rating)
    before = {"workflow_state": claim.workflow_state, "status": claim.status, "rating": claim.rating}
    after = {"workflow_state": new, "status": status, "rating": rating}
    if before == after:
        return new
    if new != claim.workflow_state:
        claim.state_since = utcnow()
    claim.workflow_state, claim.status, claim.rating = new, status, rating
    history.record("changed", "state", claim, actor, before, after, claim.uuid)
    db.session.flush()
    return new


def _confidence(value) -> int:
    if value in (None, ""):
        return 3
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number not in CONFIDENCE_LABELS:
        raise InputError("Choose a confidence from 1 (very low) to 5 (very high).", "confidence")
    return number


def _evidence_for(claim: Claim, evidence_ids) -> list[Evidence]:
    wanted = {int(i) for i in evidence_ids or () if str(i).isdigit()}
    items = [e for e in claim.evidence if e.id in wanted]
    if len(items) != len(wanted):
        raise InputError("Pick evidence items of this claim only.", "evidence")
    return items


def give_verdict(claim: Claim, user: User, rating: str, confidence=3, note: str = "",
                 evidence_ids=()) -> Verdict:
    """Record (or revise) the user's own verdict; a revision keeps the earlier verdict, superseded."""
    return next(v for v in record_verdict(claim, user, rating, confidence, note, evidence_ids)
                if v.reviewer_id == user.id)


def record_verdict(claim: Claim, user: User, rating: str, confidence=3, note: str = "",
                   evidence_ids=()) -> list[Verdict]:
    """give_verdict, answering with the claim's current verdicts afterwards (the panel shows them: not read again)."""
    require_role(user, "reviewer")
    check_unlocked(claim)
    rating = ratings.check_rating(rating).key
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise InputError(f"The note is too long ({MAX_NOTE:,} characters at most).", "note")
    new = Verdict(claim=claim, reviewer=user, rating=rating, confidence=_confidence(confidence), note=note,
                  evidence=_evidence_for(claim, evidence_ids))
    current = current_verdicts(claim)
    previous = next((v for v in current if v.reviewer_id == user.id), None)
    if previous is not None:
        if verdict_snapshot(previous) == verdict_snapshot(new):
            return current
        supersede(previous)
    db.session.add(new)
    try:
        db.session.flush()  # one current verdict per reviewer and claim: a unique index, whatever races
    except IntegrityError:
        raise VerdictChanged() from None
    before = verdict_snapshot(previous) if previous is not None else None
    history.record("revised" if previous else "given", "verdict", claim, user, before, verdict_snapshot(new),
                   new.uuid)
    current = [v for v in current if v is not previous] + [new]
    refresh_state(claim, user, current)
    return current


def supersede(verdict: Verdict) -> None:
    """Mark the verdict superseded only if it still is current (one statement), else refuse."""
    change_if(verdict, Verdict.superseded_at.is_(None), VerdictChanged, superseded_at=utcnow())


def flag_dispute(claim: Claim, user: User, reason: str) -> Claim:
    """Flag a claim as disputed by hand, saying why; it stays disputed until the flag is withdrawn or decided."""
    require_role(user, "reviewer")
    check_unlocked(claim)
    reason = (reason or "").strip()
    if not 3 <= len(reason) <= 2000:
        raise InputError("Say in a few words why this claim is disputed (3 to 2,000 characters).", "reason")
    before = {"flag_reason": claim.flag_reason}
    if claim.flag_reason:
        raise FlagChanged("This claim is already flagged as disputed; withdraw that flag first.", "reason")
    change_if(claim, Claim.flag_reason.is_(None), lambda: FlagChanged(
        "Someone flagged this claim as disputed meanwhile; reload to read their reason.", "reason"),
        flag_reason=reason, flagged_by_id=user.id, flagged_at=utcnow())
    history.record("flagged", "claim", claim, user, before, {"flag_reason": reason}, claim.uuid)
    refresh_state(claim, user)
    return claim


def withdraw_flag(claim: Claim, user: User) -> Claim:
    """Withdraw a manual dispute flag (its author or an editor)."""
    if not claim.flag_reason:
        raise InputError("This claim has no dispute flag to withdraw.", "reason")
    if not can_unflag(user, claim):
        raise NotAllowed("Only whoever flagged the dispute, or an editor, can withdraw the flag.")
    history.record("unflagged", "claim", claim, user, {"flag_reason": claim.flag_reason}, {"flag_reason": None},
                   claim.uuid)
    change_if(claim, Claim.flag_reason == claim.flag_reason, lambda: FlagChanged(
        "The dispute flag changed meanwhile; reload to see it.", "reason"),
        flag_reason=None, flagged_by_id=None, flagged_at=None)
    refresh_state(claim, user)
    return claim


def sign_off(claim: Claim, user: User, rating: str, explanation: str, method: str) -> Decision:
    """An editor's final decision: it closes any dispute and locks the claim."""
    require_role(user, "editor")
    if claim.locked:
        raise ClaimLocked(claim)
    rating = ratings.check_rating(rating).key
    explanation = (explanation or "").strip()
    if not 1 <= len(explanation) <= 10000:
        raise InputError("Write the public explanation of the rating (up to 10,000 characters).", "explanation")
    if method not in METHODS:
        raise InputError("Say how the decision was reached: consensus, vote or editor's call.", "method")
    change_if(claim, Claim.locked.is_(False), lambda: ClaimLocked(claim), locked=True, flag_reason=None,
                    flagged_by_id=None, flagged_at=None)  # one decision, however many editors sign off at once
    decision = Decision(claim=claim, rating=rating, explanation=explanation, method=method, decided_by=user)
    db.session.add(decision)
    db.session.flush()
    history.record("signed_off", "decision", claim, user, None, decision_snapshot(decision), decision.uuid)
    refresh_state(claim, user)
    return decision


def reopen(claim: Claim, user: User) -> Claim:
    """An editor reopens a decided claim; the decision is kept, marked reopened, and verdicts may change again."""
    require_role(user, "editor")
    decision = current_decision(claim)
    if not claim.locked or decision is None:
        raise InputError("This claim is not decided, so there is nothing to reopen.", "claim")
    change_if(claim, Claim.locked.is_(True), lambda: FlagChanged(
        "This claim was reopened meanwhile, so there is nothing to reopen.", "claim"), locked=False)
    decision.reopened_by, decision.reopened_at = user, utcnow()
    db.session.flush()
    history.record("reopened", "decision", claim, user, decision_snapshot(decision), None, decision.uuid)
    refresh_state(claim, user)
    return claim


def can_see_verdicts(claim: Claim, user: User, own: Verdict | None) -> bool:
    """Blind review: a reviewer sees the others' verdicts only after giving their own (the rule: visibility.py)."""
    return visibility.can_see_others_verdicts(user, claim, own is not None)


@dataclass
class VerdictView:
    """What the panel shows one user about a claim's verdicts and decision."""

    claim: Claim
    mine: Verdict | None
    others: list[Verdict] = field(default_factory=list)
    hidden: int = 0
    decision: Decision | None = None

    @property
    def count(self) -> int:
        return len(self.others) + self.hidden + (1 if self.mine else 0)


def verdict_view(claim: Claim, user: User, verdicts: list[Verdict] | None = None) -> VerdictView:
    """The verdicts and decision as this user may see them; `verdicts`: the current ones when the caller has them."""
    verdicts = current_verdicts(claim) if verdicts is None else verdicts
    mine = next((v for v in verdicts if v.reviewer_id == user.id), None)
    others = [v for v in verdicts if v is not mine]
    view = VerdictView(claim, mine, decision=current_decision(claim) if claim.locked else None)
    if can_see_verdicts(claim, user, mine):
        view.others = others
    else:
        view.hidden = len(others)
    return view


def update_settings(article, user: User, blind: bool, quorum, single_verdict: bool = False) -> None:
    """An editor sets an article's review rules: blind verdicts, how many agreeing verdicts make a quorum, and
    whether a single verdict decides (a lone fact-checker's article: no quorum, no sign-off)."""
    require_role(user, "editor")
    try:
        quorum = int(quorum)
    except (TypeError, ValueError):
        quorum = 0
    if not 1 <= quorum <= 10:
        raise InputError("The quorum is a number of verdicts from 1 to 10.", "quorum")
    before = {"blind_verdicts": article.blind_verdicts, "quorum": article.quorum,
              "single_verdict": article.single_verdict}
    article.blind_verdicts, article.quorum, article.single_verdict = bool(blind), quorum, bool(single_verdict)
    after = {"blind_verdicts": article.blind_verdicts, "quorum": article.quorum,
             "single_verdict": article.single_verdict}
    if before != after:
        history.record("updated", "settings", None, user, before, after, article.uuid, article_id=article.id)
        db.session.flush()
        # The claims in review follow the new rules (a signed-off decision stands): their verdicts in one query.
        claims = db.session.scalars(select(Claim).where(Claim.article_id == article.id, Claim.locked.is_(False),
                                                        Claim.workflow_state != "unverified")).all()
        verdicts = {claim.id: [] for claim in claims}
        query = (select(Verdict).where(Verdict.claim_id.in_(list(verdicts)), Verdict.superseded_at.is_(None))
                 .order_by(Verdict.created_at, Verdict.id))
        for verdict in db.session.scalars(query) if claims else ():
            verdicts[verdict.claim_id].append(verdict)
        for claim in claims:
            refresh_state(claim, user, verdicts[claim.id])
