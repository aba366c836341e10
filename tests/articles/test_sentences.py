"""'Checked, no claim', the progress figures, and mending a bad split (merge, split) without losing claims."""
import json
import re
from html import unescape
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlalchemy import select

from annotate.interchange import native
from annotate.interchange import schema
from annotate.extensions import db
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Sentence
from tests.conftest import HX
from tests.factories import make_article
from tests.factories import make_claim

DATA = Path(__file__).parent.parent / "data" / "client"
EMOJI_TEXT = (DATA / "emoji_vote.txt").read_text(encoding="utf-8")
# Paragraph 0: a heading; paragraph 1: three body sentences; paragraph 2: one body sentence.
STORY = (
    "Flood waters recede\n"
    "The river fell by 2 m overnight. Officials said 300 homes were flooded. Schools will reopen on Monday.\n"
    "Dr. Lee Chen, a hydrologist, warned that more rain was due."
)


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def sentences_of(article_id: int) -> list[Sentence]:
    db.session.expire_all()
    return db.session.scalars(select(Sentence).where(Sentence.article_id == article_id).order_by(Sentence.index)).all()


def texts(article_id: int) -> list[str]:
    return [s.text for s in sentences_of(article_id)]


def toast_text(response) -> str:
    match = re.search(r'<div class="toast toast-error" role="alert"><span>(.*?)</span>', response.data.decode())
    assert match, response.data[:500]
    return unescape(match.group(1))


def progress_step(response) -> int:
    """How far the response moves the page's progress bar (HX-Trigger "sentence-checked"; 0 when it does not)."""
    trigger = response.headers.get("HX-Trigger")
    return json.loads(trigger)["sentence-checked"] if trigger else 0


def checked_figures(html: str) -> tuple[int, int]:
    match = re.search(r"<strong>(\d+)</strong> of (\d+) sentences checked", html)
    assert match, html[:500]
    return int(match.group(1)), int(match.group(2))


def assert_export_invariants(article_id: int) -> dict:
    """The export of one article validates, and every sentence and claim slices the text exactly."""
    document = native.export_articles([article_id])
    schema.validate_export(document)
    (article,) = document["articles"]
    text = article["text"]
    sentences = article["sentences"]
    assert [s["index"] for s in sentences] == list(range(len(sentences)))
    previous_end = 0
    for sentence in sentences:
        assert sentence["text"] == text[sentence["start"] : sentence["end"]] != ""
        assert previous_end <= sentence["start"] < sentence["end"]
        assert text[previous_end : sentence["start"]].strip() == ""  # nothing lost between sentences
        previous_end = sentence["end"]
    assert text[previous_end:].strip() == ""
    for claim in article["claims"]:
        holder = sentences[claim["sentence_index"]]
        assert holder["start"] <= claim["start"] < claim["end"] <= holder["end"]
        assert claim["quote"] == text[claim["start"] : claim["end"]]
    return article


@pytest.fixture
def story(app, user):
    return make_article(STORY, title="Flood", user=user)


# --- checked, no claim ---------------------------------------------------------------------------------------


def test_no_claim_toggles_and_updates_the_progress(logged_in, story):
    body = story.sentences[1]
    response = logged_in.post(f"/sentences/{body.id}/no-claim", headers=HX)
    assert response.status_code == 200
    html = response.data.decode()
    assert response.headers["HX-Retarget"] == f"#s-{body.id}"
    assert "is-no-claim" in html and 'aria-pressed="true"' in html
    assert progress_step(response) == 1  # the page's bar moves by one; nothing counts the whole article
    assert checked_figures(logged_in.get(f"/articles/{story.id}").data.decode()) == (1, 4)
    assert sentences_of(story.id)[1].no_claim
    assert sentences_of(story.id)[1].updated_by.username == "rev"
    again = logged_in.post(f"/sentences/{body.id}/no-claim", headers=HX)
    assert progress_step(again) == -1
    assert checked_figures(logged_in.get(f"/articles/{story.id}").data.decode()) == (0, 4)
    assert not sentences_of(story.id)[1].no_claim


def test_only_body_sentences_count_toward_progress(logged_in, story):
    heading = story.sentences[0]
    assert heading.kind == "heading"
    response = logged_in.post(f"/sentences/{heading.id}/no-claim", headers=HX)
    assert progress_step(response) == 0
    assert checked_figures(logged_in.get(f"/articles/{story.id}").data.decode()) == (0, 4)


def test_a_claim_checks_its_sentence_and_no_claim_is_then_refused(logged_in, story):
    make_claim(story, "300 homes were flooded", sentence_index=2)
    sentence = story.sentences[2]
    response = logged_in.post(f"/sentences/{sentence.id}/no-claim", headers=HX)
    assert response.status_code == 422
    assert "holds claims" in toast_text(response)
    assert not sentences_of(story.id)[2].no_claim


def test_progress_on_the_page_and_the_list(logged_in, story):
    make_claim(story, "300 homes were flooded", sentence_index=2)
    logged_in.post(f"/sentences/{story.sentences[4].id}/no-claim", headers=HX)
    page = logged_in.get(f"/articles/{story.id}").data.decode()
    assert checked_figures(page) == (2, 4)
    assert "50%" in page
    assert "2/4 sentences · 50%" in logged_in.get("/").data.decode()


def test_no_claim_on_an_unknown_sentence_is_a_404(logged_in, story):
    assert logged_in.post("/sentences/99999/no-claim", headers=HX).status_code == 404


def test_no_claim_is_in_the_export(logged_in, story):
    logged_in.post(f"/sentences/{story.sentences[1].id}/no-claim", headers=HX)
    article = assert_export_invariants(story.id)
    assert [s["no_claim"] for s in article["sentences"]] == [False, True, False, False, False]


# --- merge with the next sentence ---------------------------------------------------------------------------------


def test_merge_joins_two_sentences_and_renumbers(logged_in, story):
    first = story.sentences[1]
    response = logged_in.post(f"/sentences/{first.id}/merge", headers=HX)
    assert response.status_code == 200
    assert response.headers["HX-Retarget"] == "#sentences"
    html = response.data.decode()
    assert html.lstrip().startswith('<div id="sentences"')
    assert f'data-focus="s-{first.id}"' in html
    assert texts(story.id) == [
        "Flood waters recede",
        "The river fell by 2 m overnight. Officials said 300 homes were flooded.",
        "Schools will reopen on Monday.",
        "Dr. Lee Chen, a hydrologist, warned that more rain was due.",
    ]
    assert [s.index for s in sentences_of(story.id)] == [0, 1, 2, 3]
    assert checked_figures(html) == (0, 3)
    assert_export_invariants(story.id)


def test_merge_keeps_and_repoints_the_claims_of_both_sentences(logged_in, story, user):
    kept = make_claim(story, "fell by 2 m", sentence_index=1, user=user, status="supported")
    moved = make_claim(story, "300 homes were flooded", sentence_index=2, user=user, status="refuted")
    later = make_claim(story, "more rain was due", sentence_index=4, user=user)
    logged_in.post(f"/sentences/{story.sentences[1].id}/merge", headers=HX)
    db.session.expire_all()
    merged = sentences_of(story.id)[1]
    assert {c.id for c in merged.claims} == {kept.id, moved.id}
    assert db.session.get(Claim, moved.id).status == "refuted"
    article = assert_export_invariants(story.id)
    by_quote = {c["quote"]: c["sentence_index"] for c in article["claims"]}
    assert by_quote == {"fell by 2 m": 1, "300 homes were flooded": 1, "more rain was due": 3}
    assert db.session.get(Claim, later.id).sentence.index == 3


def test_merge_keeps_no_claim_only_when_both_had_it(logged_in, story):
    logged_in.post(f"/sentences/{story.sentences[1].id}/no-claim", headers=HX)
    logged_in.post(f"/sentences/{story.sentences[1].id}/merge", headers=HX)
    assert not sentences_of(story.id)[1].no_claim


def test_merge_across_paragraphs_is_refused(logged_in, story):
    before = texts(story.id)
    response = logged_in.post(f"/sentences/{story.sentences[3].id}/merge", headers=HX)
    assert response.status_code == 422
    assert "new paragraph" in toast_text(response)
    assert texts(story.id) == before


def test_merge_of_the_last_sentence_is_refused(logged_in, story):
    before = texts(story.id)
    response = logged_in.post(f"/sentences/{story.sentences[-1].id}/merge", headers=HX)
    assert response.status_code == 422
    assert "last sentence" in toast_text(response)
    assert texts(story.id) == before


def test_merging_repeatedly_keeps_indices_contiguous(logged_in, story):
    first = story.sentences[1]
    logged_in.post(f"/sentences/{first.id}/merge", headers=HX)
    logged_in.post(f"/sentences/{first.id}/merge", headers=HX)
    assert [s.index for s in sentences_of(story.id)] == [0, 1, 2]
    assert texts(story.id)[1] == STORY.splitlines()[1]
    assert_export_invariants(story.id)


def test_merge_of_an_unknown_sentence_is_a_404(logged_in, story):
    assert logged_in.post("/sentences/99999/merge", headers=HX).status_code == 404


# --- split at a point ------------------------------------------------------------------------------------------


def split(client, sentence, offset16):
    return client.post(f"/sentences/{sentence.id}/split", data={"offset16": offset16}, headers=HX)


def test_split_at_a_point_makes_two_sentences(logged_in, story):
    sentence = make_article("A first part; a second part that follows.", title="Split").sentences[0]
    article_id = sentence.article_id
    offset16 = utf16("A first part;")
    response = split(logged_in, sentence, offset16)
    assert response.status_code == 200
    assert response.headers["HX-Retarget"] == "#sentences"
    assert texts(article_id) == ["A first part;", "a second part that follows."]
    assert checked_figures(response.data.decode()) == (0, 2)
    parts = sentences_of(article_id)
    assert [s.index for s in parts] == [0, 1]
    assert parts[1].kind == parts[0].kind == "body" and parts[1].paragraph == parts[0].paragraph
    assert parts[1].created_by.username == "rev"
    assert_export_invariants(article_id)


def test_split_in_the_middle_renumbers_the_sentences_after(logged_in, story):
    merged = story.sentences[1]
    logged_in.post(f"/sentences/{merged.id}/merge", headers=HX)
    merged = sentences_of(story.id)[1]
    split(logged_in, merged, utf16("The river fell by 2 m overnight. "))
    assert texts(story.id) == [
        "Flood waters recede", "The river fell by 2 m overnight.", "Officials said 300 homes were flooded.",
        "Schools will reopen on Monday.", "Dr. Lee Chen, a hydrologist, warned that more rain was due."]
    assert [s.index for s in sentences_of(story.id)] == [0, 1, 2, 3, 4]
    assert_export_invariants(story.id)


def test_split_sends_each_claim_to_the_part_that_holds_it(logged_in, app, user):
    article = make_article(EMOJI_TEXT, title="Farm bill", user=user)
    sentence = article.sentences[1]  # The 👍🏽 vote passed 52–48 😀 on Monday.
    left = make_claim(article, "👍🏽 vote passed", sentence_index=1, user=user)
    right = make_claim(article, "on Monday.", sentence_index=1, user=user)
    point = sentence.text.index("on Monday.")
    response = split(logged_in, sentence, utf16(sentence.text[:point]))
    assert response.status_code == 200
    assert texts(article.id)[1:3] == ["The 👍🏽 vote passed 52–48 😀", "on Monday."]
    db.session.expire_all()
    assert db.session.get(Claim, left.id).sentence.index == 1
    assert db.session.get(Claim, right.id).sentence.index == 2
    exported = assert_export_invariants(article.id)
    assert {c["quote"]: c["sentence_index"] for c in exported["claims"]} == {"👍🏽 vote passed": 1, "on Monday.": 2}


def test_a_claim_ending_at_the_split_point_stays_on_the_left(logged_in, story, user):
    article = make_article("One part and another part.", title="Edge", user=user)
    claim = make_claim(article, "One part", user=user)
    split(logged_in, article.sentences[0], utf16("One part"))
    db.session.expire_all()
    assert db.session.get(Claim, claim.id).sentence.index == 0
    assert texts(article.id) == ["One part", "and another part."]


def test_split_inside_a_word_moves_to_the_nearer_end_of_it(logged_in, story):
    article = make_article("Temperatures reached 41 degrees Celsius on Monday.", title="Heat")
    sentence = article.sentences[0]
    split(logged_in, sentence, utf16("Temperatures reached 41 degrees C"))
    assert texts(article.id) == ["Temperatures reached 41 degrees", "Celsius on Monday."]
    split(logged_in, sentences_of(article.id)[1], utf16("Celsius on Mo"))
    assert texts(article.id) == ["Temperatures reached 41 degrees", "Celsius on", "Monday."]
    assert_export_invariants(article.id)


def test_split_inside_a_claim_is_refused(logged_in, story, user):
    make_claim(story, "300 homes were flooded", sentence_index=2, user=user)
    sentence = story.sentences[2]
    before = texts(story.id)
    response = split(logged_in, sentence, utf16("Officials said 300 homes"))
    assert response.status_code == 422
    assert "claim runs across" in toast_text(response)
    assert texts(story.id) == before


@pytest.mark.parametrize("where", ["start", "end", "leading space", "past the end", "negative", "not a number",
                                   "missing"])
def test_split_at_the_edges_or_outside_is_refused(logged_in, story, where):
    sentence = story.sentences[1]
    length = utf16(sentence.text)
    offset = {"start": 0, "end": length, "leading space": 0, "past the end": length + 5, "negative": -1,
              "not a number": "x", "missing": ""}[where]
    before = texts(story.id)
    response = split(logged_in, sentence, offset)
    assert response.status_code == 422
    assert toast_text(response)
    assert texts(story.id) == before


def test_split_inside_a_surrogate_pair_is_refused(logged_in, app, user):
    article = make_article(EMOJI_TEXT, title="Farm bill", user=user)
    sentence = article.sentences[1]
    before = texts(article.id)
    response = split(logged_in, sentence, utf16("The ") + 1)
    assert response.status_code == 422
    assert "surrogate pair" in toast_text(response)
    assert texts(article.id) == before


def test_split_then_merge_gives_back_the_original(logged_in, story, user):
    make_claim(story, "Officials said", sentence_index=2, user=user)
    make_claim(story, "300 homes were flooded", sentence_index=2, user=user)
    original = assert_export_invariants(story.id)
    sentence = story.sentences[2]
    split(logged_in, sentence, utf16("Officials said "))
    assert len(sentences_of(story.id)) == 6
    logged_in.post(f"/sentences/{sentence.id}/merge", headers=HX)
    restored = assert_export_invariants(story.id)
    assert restored["sentences"] == original["sentences"]
    assert [(c["start"], c["end"], c["sentence_index"]) for c in restored["claims"]] == [
        (c["start"], c["end"], c["sentence_index"]) for c in original["claims"]]


def test_split_of_an_unknown_sentence_is_a_404(logged_in, story):
    assert logged_in.post("/sentences/99999/split", data={"offset16": 3}, headers=HX).status_code == 404


def test_many_merges_and_splits_keep_the_invariants(logged_in, app, user):
    """A reviewer mending a long article: indices stay contiguous and every slice exact throughout."""
    text = "\n".join(" ".join(f"Line {p} says {n} things." for n in range(4)) for p in range(3))
    article = make_article(text, title="Mending", user=user)
    for sentence in list(article.sentences)[::2]:
        make_claim(article, "says", sentence_index=sentence.index, user=user)
    claims_before = db.session.scalar(select(func.count(Claim.id)))
    done = []
    for step in range(8):
        current = sentences_of(article.id)
        target = current[(step * 5) % len(current)]
        if step % 2:
            response = split(logged_in, target, utf16(target.text[: target.text.index(" ") + 1]))
        else:
            response = logged_in.post(f"/sentences/{target.id}/merge", headers=HX)
        done.append(("split" if step % 2 else "merge", response.status_code))
        assert_export_invariants(article.id)
    assert ("merge", 200) in done and ("split", 200) in done
    assert db.session.scalar(select(func.count(Claim.id))) == claims_before
    assert db.session.get(Article, article.id).text == text
