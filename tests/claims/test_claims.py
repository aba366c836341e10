"""Marking claims from the browser's UTF-16 offsets, the claim panel, evidence, and deleting a claim."""
import json
import re
from html import unescape
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlalchemy import select

from annotate.claims import operations as claim_ops
from annotate.extensions import db
from annotate.models import Claim
from annotate.models import Evidence
from tests.conftest import HX
from tests.factories import PASSWORD
from tests.factories import make_article
from tests.factories import make_claim
from tests.factories import make_user

DATA = Path(__file__).parent.parent / "data" / "client"
EMOJI_TEXT = (DATA / "emoji_vote.txt").read_text(encoding="utf-8")
VOTE = "The 👍🏽 vote passed 52–48 😀 on Monday."


def utf16(text: str) -> int:
    """The length the browser reports for this text (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def browser_span(sentence_text: str, quote: str, occurrence: int = 0) -> tuple[int, int]:
    """(start16, end16) of a quote inside the sentence, as a browser selection would give them."""
    start = -1
    for _ in range(occurrence + 1):
        start = sentence_text.index(quote, start + 1)
    return utf16(sentence_text[:start]), utf16(sentence_text[: start + len(quote)])


def claim_count() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count(Claim.id)))


def evidence_count() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count(Evidence.id)))


def field_errors(html: bytes, field_id: str) -> list[str]:
    pattern = rf'<p class="error" id="{re.escape(field_id)}-error">(.*?)</p>'
    return [unescape(m) for m in re.findall(pattern, html.decode())]


def toast_text(response) -> str:
    match = re.search(r'<div class="toast toast-error" role="alert"><span>(.*?)</span>', response.data.decode())
    assert match, response.data[:500]
    return unescape(match.group(1))


@pytest.fixture
def emoji_article(app, user):
    return make_article(EMOJI_TEXT, title="Farm bill", user=user)


def mark(client, article, sentence, **data):
    return client.post(f"/articles/{article.id}/claims", data={"sentence_id": sentence.id, **data}, headers=HX)


def mark_quote(client, article, sentence, quote, occurrence=0, send_quote=True):
    start16, end16 = browser_span(sentence.text, quote, occurrence)
    data = {"start16": start16, "end16": end16}
    if send_quote:
        data["quote"] = quote
    return mark(client, article, sentence, **data)


def only_claim() -> Claim:
    db.session.expire_all()
    claims = db.session.scalars(select(Claim)).all()
    assert len(claims) == 1
    return claims[0]


# --- marking by UTF-16 offsets ----------------------------------------------------------------------------


def test_the_emoji_sentence_is_where_the_tests_expect_it(emoji_article):
    assert emoji_article.sentences[1].text == VOTE
    assert utf16(VOTE) > len(VOTE)  # the browser counts more units than Python counts code points


@pytest.mark.parametrize(
    "sentence_index, quote",
    [
        (1, "vote passed 52–48"),
        (1, "👍🏽 vote passed"),
        (1, "52–48 😀 on Monday."),
        (1, "on Monday."),
        (0, "Senate passes farm bill 🇺🇸"),
        (2, "🎉🎉 outside the chamber"),
        (2, "“a win for 👩‍🌾 farmers.”"),
        (3, "the 🇺🇸 budget office"),
    ],
)
def test_mark_by_utf16_offsets_stores_code_point_offsets(logged_in, emoji_article, sentence_index, quote):
    sentence = emoji_article.sentences[sentence_index]
    response = mark_quote(logged_in, emoji_article, sentence, quote)
    assert response.status_code == 200, response.data[:300]
    claim = only_claim()
    text = emoji_article.text
    expected_start = text.index(quote, sentence.start)
    assert (claim.start, claim.end) == (expected_start, expected_start + len(quote))
    assert claim.quote == text[claim.start : claim.end] == quote
    assert claim.sentence_id == sentence.id and claim.article_id == emoji_article.id
    assert claim.created_by.username == "rev" and claim.updated_by.username == "rev"


def test_mark_answers_with_the_sentence_its_toolbar_the_panel_and_a_progress_step(logged_in, emoji_article):
    sentence = emoji_article.sentences[1]
    response = mark_quote(logged_in, emoji_article, sentence, "vote passed")
    html = response.data.decode()
    assert response.headers["HX-Retarget"] == f"#s-{sentence.id}"
    assert response.headers["HX-Reswap"] == "outerHTML"
    claim = only_claim()
    assert f'id="s-{sentence.id}"' in html
    assert '<mark class="claim status-unverified' in html and ">vote passed</mark>" in html
    assert f'id="sentence-tools" class="stools" data-sentence-id="{sentence.id}"' in html  # out of band
    assert f'data-claim-id="{claim.id}"' in html and 'id="panel"' in html
    # The progress bar moves by one in the page; the response does not count the article's sentences again.
    assert 'id="progress"' not in html and json.loads(response.headers["HX-Trigger"]) == {"sentence-checked": 1}
    second = mark_quote(logged_in, emoji_article, sentence, "passed 52–48")
    assert "HX-Trigger" not in second.headers  # the sentence was checked already


def test_mark_without_a_quote_field_still_works(logged_in, emoji_article):
    sentence = emoji_article.sentences[1]
    assert mark_quote(logged_in, emoji_article, sentence, "passed", send_quote=False).status_code == 200
    assert only_claim().quote == "passed"


@pytest.mark.parametrize(
    "selected, snapped",
    [
        ("ote pass", "vote passed"),  # starts and ends mid-word
        ("assed 5", "passed 52"),
        (" vote ", "vote"),  # surrounding spaces are trimmed
        ("Monda", "Monday"),
    ],
)
def test_a_selection_snaps_to_whole_words(logged_in, emoji_article, selected, snapped):
    sentence = emoji_article.sentences[1]
    assert mark_quote(logged_in, emoji_article, sentence, selected).status_code == 200
    claim = only_claim()
    assert claim.quote == snapped == emoji_article.text[claim.start : claim.end]


def test_a_selection_inside_an_emoji_with_a_skin_tone_keeps_the_emoji_whole(logged_in, emoji_article):
    sentence = emoji_article.sentences[1]
    start16, _ = browser_span(VOTE, "🏽")
    _, end16 = browser_span(VOTE, "vote")
    assert mark(logged_in, emoji_article, sentence, start16=start16, end16=end16).status_code == 200
    assert only_claim().quote == "👍🏽 vote"


def test_whole_sentence_mark(logged_in, emoji_article):
    sentence = emoji_article.sentences[2]
    response = mark(logged_in, emoji_article, sentence, whole="y")
    assert response.status_code == 200
    claim = only_claim()
    assert (claim.start, claim.end) == (sentence.start, sentence.end)
    assert claim.quote == sentence.text


def test_marking_clears_the_no_claim_flag(logged_in, emoji_article):
    sentence = emoji_article.sentences[1]
    logged_in.post(f"/sentences/{sentence.id}/no-claim", headers=HX)
    db.session.refresh(sentence)
    assert sentence.no_claim
    mark(logged_in, emoji_article, sentence, whole="y")
    db.session.refresh(sentence)
    assert not sentence.no_claim


def test_overlapping_claims_are_allowed_and_both_show(logged_in, emoji_article):
    sentence = emoji_article.sentences[1]
    mark_quote(logged_in, emoji_article, sentence, "vote passed")
    response = mark_quote(logged_in, emoji_article, sentence, "passed 52–48")
    assert claim_count() == 2
    html = response.data.decode()
    assert "depth-2" in html  # the shared piece shows that two claims cover it
    assert html.count('class="chip status-unverified"') == 2


def test_a_duplicate_span_returns_the_existing_claim(logged_in, emoji_article):
    sentence = emoji_article.sentences[1]
    mark_quote(logged_in, emoji_article, sentence, "vote passed")
    first = only_claim()
    response = mark_quote(logged_in, emoji_article, sentence, "ote passe", send_quote=False)  # snaps to the same
    assert response.status_code == 200
    assert only_claim().id == first.id
    assert f'data-claim-id="{first.id}"' in response.data.decode()


def test_a_second_whole_sentence_mark_is_the_same_claim(logged_in, emoji_article):
    sentence = emoji_article.sentences[1]
    mark(logged_in, emoji_article, sentence, whole="y")
    mark(logged_in, emoji_article, sentence, whole="y")
    assert claim_count() == 1


# --- refused marks: a message, and no row written ---------------------------------------------------------


def half_of(emoji: str) -> int:
    start16, _ = browser_span(VOTE, emoji)
    return start16 + 1


@pytest.mark.parametrize(
    "data, fragment",
    [
        ({"start16": 0, "end16": utf16(VOTE) + 1}, "past the end"),
        ({"start16": utf16(VOTE) + 3, "end16": utf16(VOTE) + 9}, "past the end"),
        ({"start16": half_of("👍"), "end16": 12}, "surrogate pair"),
        ({"start16": 0, "end16": half_of("😀")}, "surrogate pair"),
        ({"start16": 4, "end16": 4}, "inside one sentence"),
        ({"start16": 12, "end16": 4}, "inside one sentence"),
        ({"start16": 3, "end16": 4}, "Select at least one word"),  # a lone space
        ({"start16": -1, "end16": 4}, "at least 0"),
        ({"start16": "abc", "end16": 4}, "Not a valid integer"),
        ({"start16": "", "end16": ""}, "Select some words"),
        ({}, "Select some words"),
        ({"start16": 0, "end16": 3, "quote": "Those"}, "does not match"),
        ({"start16": 4, "end16": 8, "quote": "👍"}, "does not match"),  # code units taken as code points
    ],
)
def test_bad_marks_are_refused_with_a_message_and_write_nothing(logged_in, emoji_article, data, fragment):
    sentence = emoji_article.sentences[1]
    response = mark(logged_in, emoji_article, sentence, **data)
    assert response.status_code == 422
    assert fragment in toast_text(response)
    assert response.headers["HX-Reswap"] == "none"
    assert claim_count() == 0


def test_the_utf16_length_of_the_sentence_is_the_last_valid_offset(logged_in, emoji_article):
    sentence = emoji_article.sentences[1]
    assert mark(logged_in, emoji_article, sentence, start16=0, end16=utf16(VOTE)).status_code == 200
    assert only_claim().quote == VOTE


def test_a_sentence_of_another_article_is_refused(logged_in, emoji_article):
    other = make_article(title="Other")
    response = mark(logged_in, emoji_article, other.sentences[0], whole="y")
    assert response.status_code == 404
    assert "another article" in toast_text(response)
    assert claim_count() == 0


@pytest.mark.parametrize("sentence_id, status", [("", 422), ("seven", 422), ("999999", 404), ("-1", 404)])
def test_a_missing_or_unknown_sentence_is_refused(logged_in, emoji_article, sentence_id, status):
    """No number is a bad form (422); a number that is no sentence is not found (404)."""
    response = logged_in.post(f"/articles/{emoji_article.id}/claims", data={"sentence_id": sentence_id,
                                                                         "whole": "y"}, headers=HX)
    assert response.status_code == status
    assert claim_count() == 0


def test_marking_on_an_unknown_article_is_a_404(logged_in, emoji_article):
    response = mark(logged_in, type("A", (), {"id": 999})(), emoji_article.sentences[0], whole="y")
    assert response.status_code == 404
    assert claim_count() == 0


# --- the panel ---------------------------------------------------------------------------------------------


def panel_data(claim: Claim, **fields) -> dict:
    data = {"attr_source": "Ana Ruiz", "attr_role": "sponsor of the bill", "attr_cue": "called",
            "attr_type": "mixed", "rationale": "Checked the Senate roll call.",
            "version": claim.version}
    data.update(fields)
    return data


@pytest.fixture
def claim(emoji_article, user):
    return make_claim(emoji_article, "vote passed 52–48", sentence_index=1, user=user)


def stored(claim_id: int) -> Claim:
    db.session.expire_all()
    return db.session.get(Claim, claim_id)


def test_open_panel_by_htmx(logged_in, claim):
    response = logged_in.get(f"/claims/{claim.id}", headers=HX)
    assert response.status_code == 200
    html = response.data.decode()
    assert html.startswith("<aside") or html.lstrip().startswith("<aside")
    assert "vote passed 52–48" in html
    assert "<html" not in html  # a fragment, not a page
    assert "HX-Request" in response.headers["Vary"]


def test_open_panel_without_htmx_opens_the_article_with_the_panel(logged_in, claim):
    response = logged_in.get(f"/claims/{claim.id}")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/articles/{claim.article_id}?claim={claim.id}"
    page = logged_in.get(response.headers["Location"]).data.decode()
    assert f'data-claim-id="{claim.id}"' in page and 'class="panel is-open"' in page


def test_article_page_ignores_a_claim_of_another_article(logged_in, claim):
    other = make_article(title="Other")
    page = logged_in.get(f"/articles/{other.id}?claim={claim.id}").data.decode()
    assert 'class="panel is-empty"' in page


def test_unknown_claim_is_a_404(logged_in, claim):
    assert logged_in.get("/claims/999999", headers=HX).status_code == 404


def test_panel_save_stores_every_field(logged_in, claim, user):
    response = logged_in.post(f"/claims/{claim.id}", data=panel_data(claim), headers=HX)
    assert response.status_code == 200
    assert "Saved." in response.data.decode()
    saved = stored(claim.id)
    assert (saved.attr_source, saved.attr_role, saved.attr_cue, saved.attr_type, saved.status, saved.rationale) == (
        "Ana Ruiz", "sponsor of the bill", "called", "mixed", "unverified", "Checked the Senate roll call.")
    assert saved.version == 2
    assert saved.updated_by.username == "rev"
    html = response.data.decode()
    assert f'id="s-{claim.sentence_id}"' in html and 'hx-swap-oob="true"' in html  # the highlight follows
    assert "status-unverified" in html


def test_a_status_posted_with_the_panel_is_ignored_it_follows_the_verdicts(logged_in, claim):
    response = logged_in.post(f"/claims/{claim.id}", data=panel_data(claim, status="refuted"), headers=HX)
    assert response.status_code == 200
    saved = stored(claim.id)
    assert (saved.status, saved.rating, saved.attr_source) == ("unverified", None, "Ana Ruiz")


def test_panel_save_trims_spaces(logged_in, claim):
    logged_in.post(f"/claims/{claim.id}", data=panel_data(claim, attr_source="  Ana Ruiz  "), headers=HX)
    assert stored(claim.id).attr_source == "Ana Ruiz"


def test_panel_save_can_clear_text_fields(logged_in, claim):
    logged_in.post(f"/claims/{claim.id}", data=panel_data(claim), headers=HX)
    claim = stored(claim.id)
    response = logged_in.post(f"/claims/{claim.id}", data=panel_data(claim, attr_source="", rationale=""), headers=HX)
    assert response.status_code == 200
    assert (stored(claim.id).attr_source, stored(claim.id).rationale) == ("", "")


@pytest.mark.parametrize(
    "fields, field_id, fragment",
    [
        ({"attr_type": "quote"}, "attr_type", "Not a valid choice"),
        ({"attr_source": "S" * 301}, "attr_source", "300"),
        ({"attr_cue": "c" * 101}, "attr_cue", "100"),
        ({"version": "two"}, "version", ""),
        ({"version": ""}, "version", ""),
    ],
)
def test_invalid_panel_values_are_refused_and_nothing_changes(logged_in, claim, fields, field_id, fragment):
    response = logged_in.post(f"/claims/{claim.id}", data=panel_data(claim, **fields), headers=HX)
    assert response.status_code == 422
    html = response.data.decode()
    if field_id in (None, "version"):
        assert fragment in html
    else:
        assert any(fragment in m for m in field_errors(response.data, field_id))
    saved = stored(claim.id)
    assert (saved.status, saved.attr_type, saved.attr_source, saved.version) == ("unverified", "unattributed", "", 1)


def test_stale_version_is_refused_with_409_and_names_who_changed_it(logged_in, claim):
    other = make_user("wang", "editor", PASSWORD)  # someone else's claim: an editor may change it
    claim_ops.update_claim(stored(claim.id), {"rationale": "Wang's look", "attr_source": "Wang"}, other, 1)
    db.session.commit()
    response = logged_in.post(f"/claims/{claim.id}", data=panel_data(claim, version=1), headers=HX)
    assert response.status_code == 409
    html = unescape(response.data.decode())
    assert "Not saved." in html and "wang changed this claim" in html
    assert "Wang" in html and "Ana Ruiz" in html  # their value and the lost edit, side by side
    saved = stored(claim.id)
    assert (saved.rationale, saved.attr_source, saved.version, saved.updated_by.username) == (
        "Wang's look", "Wang", 2, "wang")
    assert 'name="version" type="hidden" value="2"' in response.data.decode()  # the form now holds their version


def test_a_resave_on_the_fresh_version_after_409_succeeds(logged_in, claim):
    other = make_user("wang", "editor", PASSWORD)  # someone else's claim: an editor may change it
    claim_ops.update_claim(stored(claim.id), {"attr_cue": "claimed"}, other, 1)
    db.session.commit()
    assert logged_in.post(f"/claims/{claim.id}", data=panel_data(claim, version=1), headers=HX).status_code == 409
    assert logged_in.post(f"/claims/{claim.id}", data=panel_data(claim, version=2), headers=HX).status_code == 200
    assert stored(claim.id).version == 3


def test_the_panel_shows_who_created_and_who_last_changed_the_claim(logged_in, emoji_article):
    author = make_user("ana", "reviewer", PASSWORD)
    editor = make_user("wang", "editor", PASSWORD)
    claim = make_claim(emoji_article, "on Monday.", sentence_index=1, user=author)
    claim_ops.update_claim(stored(claim.id), {"attr_source": "the senator"}, editor, None)
    db.session.commit()
    html = logged_in.get(f"/claims/{claim.id}", headers=HX).data.decode()
    assert re.search(r"Created by ana .*last changed by wang", html)
    assert 'value="the senator"' in html


# --- evidence ----------------------------------------------------------------------------------------------


def evidence_data(**fields) -> dict:
    data = {"evidence-url": "https://www.senate.gov/roll-call/123", "evidence-title": "Roll call vote 123",
            "evidence-excerpt": "Yeas 52, Nays 48", "evidence-stance": "supports"}
    data.update({f"evidence-{k}": v for k, v in fields.items()})
    return data


@pytest.mark.parametrize("url", ["https://www.senate.gov/roll-call/123", "http://example.org/a?b=c#d",
                                 "HTTPS://EXAMPLE.ORG/UPPER"])
def test_add_evidence_with_an_http_url(logged_in, claim, url):
    response = logged_in.post(f"/claims/{claim.id}/evidence", data=evidence_data(url=url), headers=HX)
    assert response.status_code == 200
    html = response.data.decode()
    assert html.lstrip().startswith(f'<section id="evidence-{claim.id}"')
    assert "Roll call vote 123" in html and "Yeas 52, Nays 48" in html and "added by rev" in html
    item = stored(claim.id).evidence[0]
    stored_url = url.replace("HTTPS://", "https://")  # the scheme is stored in lower case
    assert (item.url, item.title, item.excerpt, item.stance) == (stored_url, "Roll call vote 123",
                                                                 "Yeas 52, Nays 48", "supports")
    assert item.created_by.username == "rev"


@pytest.mark.parametrize(
    "url, fragment",
    [
        ("javascript:alert(1)", "http:// or https://"),
        ("  javascript:alert(1)", "http:// or https://"),
        ("jAvAsCrIpT:alert(1)", "http:// or https://"),
        ("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "http:// or https://"),
        ("ftp://files.example.org/report.pdf", "http:// or https://"),
        ("/relative/path", "http:// or https://"),
        ("//example.org/protocol-relative", "http:// or https://"),
        ("www.example.org/report", "http:// or https://"),
        ("", "Give the address of the source"),
        ("https://exa mple.org/", "valid web address"),
    ],
)
def test_bad_evidence_url_is_refused_next_to_the_field_and_nothing_written(logged_in, claim, url, fragment):
    response = logged_in.post(f"/claims/{claim.id}/evidence", data=evidence_data(url=url), headers=HX)
    assert response.status_code == 422
    assert any(fragment in m for m in field_errors(response.data, "evidence-url")), field_errors(
        response.data, "evidence-url")
    assert "<details class=\"evidence-add\" open>" in response.data.decode()  # the form stays open
    assert evidence_count() == 0


def test_bad_evidence_stance_is_refused(logged_in, claim):
    response = logged_in.post(f"/claims/{claim.id}/evidence", data=evidence_data(stance="agrees"), headers=HX)
    assert response.status_code == 422
    assert field_errors(response.data, "evidence-stance")
    assert evidence_count() == 0


def test_evidence_on_an_unknown_claim_is_a_404(logged_in, claim):
    response = logged_in.post("/claims/999999/evidence", data=evidence_data(), headers=HX)
    assert response.status_code == 404
    assert evidence_count() == 0


def test_remove_evidence(logged_in, claim):
    logged_in.post(f"/claims/{claim.id}/evidence", data=evidence_data(title="Keep me"), headers=HX)
    logged_in.post(f"/claims/{claim.id}/evidence", data=evidence_data(title="Remove me"), headers=HX)
    gone = next(e for e in stored(claim.id).evidence if e.title == "Remove me")
    response = logged_in.post(f"/evidence/{gone.id}/delete", headers=HX)
    assert response.status_code == 200
    html = response.data.decode()
    assert "Keep me" in html and "Remove me" not in html
    assert [e.title for e in stored(claim.id).evidence] == ["Keep me"]
    assert logged_in.post(f"/evidence/{gone.id}/delete", headers=HX).status_code == 404


# --- deleting a claim ------------------------------------------------------------------------------------------


def test_delete_claim_removes_it_and_its_evidence(logged_in, claim):
    logged_in.post(f"/claims/{claim.id}/evidence", data=evidence_data(), headers=HX)
    assert evidence_count() == 1
    response = logged_in.post(f"/claims/{claim.id}/delete", headers=HX)
    assert response.status_code == 200
    html = response.data.decode()
    assert 'class="panel is-empty"' in html
    assert f'id="s-{claim.sentence_id}"' in html and "<mark" not in html  # the highlight is gone
    assert json.loads(response.headers["HX-Trigger"]) == {"sentence-checked": -1}
    assert claim_count() == 0 and evidence_count() == 0
    assert logged_in.post(f"/claims/{claim.id}/delete", headers=HX).status_code == 404


def test_deleting_one_of_two_overlapping_claims_keeps_the_other(logged_in, claim, emoji_article):
    other = make_claim(emoji_article, "passed 52–48 😀", sentence_index=1)
    logged_in.post(f"/claims/{claim.id}/delete", headers=HX)
    db.session.expire_all()
    assert [c.id for c in db.session.scalars(select(Claim))] == [other.id]
