"""Re-anchoring imported claims when the article text here differs from the exported one."""
from annotate.text import anchoring
from annotate.interchange import native
from annotate.interchange import importer
from annotate.extensions import db
from annotate.models import OrphanClaim
from tests.factories import PASSWORD
from tests.factories import make_article
from tests.factories import make_claim
from tests.factories import make_user

TEXT = ("The mayor said the plan “will cut costs by 12 percent.” Critics disagreed.\n"
        "The council will vote again in May. The mayor said the plan will help.")


def test_unchanged_offsets_are_kept():
    found = anchoring.anchor(TEXT, "Critics disagreed.", hint=TEXT.index("Critics"))
    assert (found.method, found.start) == ("offsets", TEXT.index("Critics"))


def test_exact_match_after_text_inserted_before():
    changed = "UPDATE: corrected. " + TEXT
    found = anchoring.anchor(changed, "Critics disagreed.", hint=TEXT.index("Critics"))
    assert found.method == "exact" and changed[found.start:found.end] == "Critics disagreed."


def test_context_picks_the_right_one_of_two_identical_quotes():
    quote = "The mayor said the plan"
    second = TEXT.rindex(quote)
    prefix, suffix = native.quote_context(TEXT, second, second + len(quote))
    changed = "Breaking. " + TEXT
    found = anchoring.anchor(changed, quote, prefix, suffix, hint=0)
    assert found.start == changed.rindex(quote)


def test_fuzzy_match_when_the_quote_itself_was_edited():
    changed = TEXT.replace("will cut costs by 12 percent", "would cut costs by 12 per cent")
    found = anchoring.anchor(changed, "will cut costs by 12 percent", hint=0)
    assert found.method == "fuzzy" and 0 < found.errors <= anchoring.max_errors("will cut costs by 12 percent")
    assert changed[found.start:found.end] == "would cut costs by 12 per cent"


def test_deleted_quote_is_not_placed():
    assert anchoring.anchor(TEXT.replace("Critics disagreed.", ""), "Critics disagreed.", hint=57) is None


def test_fuzzy_match_is_bounded():
    assert anchoring.anchor(TEXT, "Entirely unrelated words about football", hint=0) is None


def import_into_local_copy(edit):
    """Export an annotated article, then import it where the same article's text was edited."""
    user = make_user("alice", "editor", PASSWORD)
    article = make_article(TEXT, user=user)
    make_claim(article, "will cut costs by 12 percent", 0, user, status="refuted")
    make_claim(article, "Critics disagreed.", 1, user)
    make_claim(article, "The council will vote again in May.", 2, user)
    document = native.export_articles()
    db.session.delete(article)
    db.session.commit()
    local = make_article(edit(TEXT), title="Local copy", user=user)
    local.uuid = document["articles"][0]["id"]
    db.session.commit()
    report = importer.import_document(document)
    db.session.commit()
    db.session.refresh(local)
    return report, local


def test_import_reanchors_claims_after_edits_before_inside_and_after(app):
    def edit(text):
        text = "Editor's note: updated. " + text
        text = text.replace("12 percent", "12 per cent")
        return text + "\nMore to come."

    report, local = import_into_local_copy(edit)
    assert report.claims_created == 3 and report.orphans == 0
    assert report.claims_reanchored == 3
    quotes = sorted(c.quote for c in local.claims)
    assert quotes == sorted(["will cut costs by 12 per cent", "Critics disagreed.",
                             "The council will vote again in May."])
    for claim in local.claims:
        assert local.text[claim.start:claim.end] == claim.quote
        assert claim.sentence.start <= claim.start < claim.end <= claim.sentence.end


def test_claim_whose_quote_was_deleted_becomes_an_orphan(app, logged_in):
    report, local = import_into_local_copy(lambda text: text.replace(" Critics disagreed.", ""))
    assert report.orphans == 1 and report.claims_created == 2
    orphan = db.session.scalar(db.select(OrphanClaim))
    assert orphan.payload["quote"] == "Critics disagreed." and "not found" in orphan.reason
    page = logged_in.get("/orphans")
    assert page.status_code == 200 and "Critics disagreed." in page.get_data(as_text=True)
