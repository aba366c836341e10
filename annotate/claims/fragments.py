"""The claim panel as an htmx response: one helper for every view that re-renders it."""
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import set_committed_value

from annotate.articles.fragments import sentence_fragments
from annotate.claims.forms import ClaimForm
from annotate.models import Claim
from annotate.models import User
from annotate.review.panel import new_claim_panel
from annotate.web.responses import hx_fragments

# What a change re-rendering the panel reads besides the claim (its sentence's row, the article's review rules, the
# evidence list): loaded with it in one statement.
PANEL_LOADS = (joinedload(Claim.sentence), joinedload(Claim.article), joinedload(Claim.evidence))


def panel_fragment(claim: Claim, form: ClaimForm | None = None, oob: bool = False, **context) -> tuple:
    """The panel for a claim, its form filled from the claim as stored unless a submitted one is given."""
    form = form or ClaimForm(obj=claim, formdata=None)
    return ("claims/_panel.html", {"claim": claim, "form": form, "oob": oob, **context})


def new_claim_panel_fragment(claim: Claim, user: User, proposal: dict | None = None) -> tuple:
    """The panel of a claim made in this request, out of band: it has no evidence, verdicts or discussion yet, so
    none is looked up. A proposal (the attribution the rules read there) fills the form as a suggestion, unsaved."""
    set_committed_value(claim, "evidence", [])
    form = None
    if proposal:
        form = ClaimForm(formdata=None, data={"version": claim.version, "rationale": claim.rationale, **proposal})
    return panel_fragment(claim, form, oob=True, rp=new_claim_panel(claim, user), suggested_attribution=bool(proposal))


def panel_response(claim: Claim, form: ClaimForm | None = None, status: int = 200, with_sentence: bool = False,
                   extra: tuple = (), **context):
    """The panel; after a successful change the claim's sentence and its toolbar come along out of band (its
    highlight or its chip changed)."""
    sentence = sentence_fragments(claim.sentence) if with_sentence and status < 400 else ()
    return hx_fragments(panel_fragment(claim, form, **context), *sentence, *extra, status=status)
