"""A rich annotation set for interchange tests: several articles, emoji, curly quotes, mended splits."""
from annotate.claims import operations as claim_ops
from annotate.review import discussion
from annotate.review import workflow
from annotate.articles import sentences as sentence_ops
from annotate.review import ratings
from annotate.extensions import db
from tests.factories import make_article
from tests.factories import make_claim
from tests.factories import make_user

EMOJI_TEXT = (
    "Fans cheered 🎉🇺🇸 as the council voted 7–2 on Tuesday. The mayor, Ana Ruiz, said the plan "
    "“will cut costs by 12 percent.” Critics 👍🏽 disagreed.\n"
    "“It’s a fantasy,” said Tom Lee, a councillor. He added that the budget office had not reviewed it."
)
WIRE_TEXT = (
    "GENEVA (AP) — The U.N. said on Monday that 3.5 million people had fled. Dr. Amy Chen, a W.H.O. adviser, "
    "called it “the worst crisis in a decade.”\n"
    "Officials said the figures were preliminary."
)


def build_rich_set():
    """Two editors' work on two articles, with every core record kind and a merge and a split."""
    alice = make_user("alice", "editor", "password123")
    bob = make_user("bob", "reviewer", "password123")
    one = make_article(EMOJI_TEXT, title="Council vote 🎉", user=alice, source_url="https://news.example/council")
    two = make_article(WIRE_TEXT, title="Refugees", user=bob)
    first = make_claim(one, "will cut costs by 12 percent", 1, alice, attr_source="Ana Ruiz", attr_role="mayor",
                       attr_cue="said", attr_type="mixed", status="refuted", rationale="Budget shows 4 %.")
    make_claim(one, "the plan “will cut costs by 12 percent.”", 1, bob, status="in_review")
    claim_ops.add_evidence(first, "https://budget.example/2024", alice, "Budget 2024", "Savings: 4 %", "refutes")
    claim_ops.add_evidence(first, "https://news.example/earlier", bob, "", "", "context")
    sentence_ops.set_no_claim(one.sentences[0], True, bob)
    make_claim(two, "3.5 million people had fled", 0, bob, attr_source="U.N.", attr_type="indirect",
               status="supported")
    sentence_ops.merge_with_next(two.sentences[0], alice)
    third = two.sentences[-1]
    sentence_ops.split_at(third, third.start + third.text.index(" the figures"), alice)
    db.session.commit()
    add_teamwork(alice, bob, first, two.claims[0])
    return {"alice": alice, "bob": bob, "articles": [one, two], "claim": first}


def add_teamwork(alice, bob, decided, disputed):
    """Verdicts (one revised), a flag, a thread with a reply and a mention, a decision later reopened."""
    ratings.ensure_default_vocabulary()
    carol = make_user("carol", "reviewer", "password123")
    workflow.give_verdict(decided, bob, "refuted", 4, "Budget says 4 %", [decided.evidence[0].id])
    workflow.give_verdict(decided, carol, "misleading", 2, "")
    workflow.give_verdict(decided, carol, "refuted", 3, "Changed my mind after the annex.")
    comment = discussion.add_comment(decided, bob, "@alice the annex has the real figure.")
    discussion.add_comment(decided, alice, "Agreed.", parent_id=comment.id)
    discussion.set_resolved(comment, alice, True)
    workflow.sign_off(decided, alice, "refuted", "The budget shows savings of 4 %, not 12 %.", "consensus")
    workflow.give_verdict(disputed, bob, "supported", 5)
    workflow.flag_dispute(disputed, carol, "The U.N. figure was revised the next day.")
    db.session.commit()
