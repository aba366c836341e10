"""The reading column: the page holds one window of sentences, the windows before and after it and the window
around a far sentence come as fragments, the toolbar of a sentence comes alone; fragments revalidate (ETag)."""
import re

from annotate.articles.sentences import set_no_claim
from annotate.claims import operations as claim_ops
from annotate.extensions import db
from annotate.review import workflow
from tests.conftest import HX
from tests.factories import login
from tests.factories import make_article
from tests.factories import make_claim
from tests.factories import make_team


def counted(sentences: int, user=None):
    """Short body sentences, ten to a paragraph."""
    lines = [" ".join(f"Line {n} says that {n * 3} voters agreed." for n in range(p, min(p + 10, sentences)))
             for p in range(0, sentences, 10)]
    return make_article("\n".join(lines), title="Counted", user=user)


def indices(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'class="sentence[^"]*" id="s-\d+" data-index="(\d+)"', html)]


def placeholders(html: str) -> list[str]:
    return re.findall(r'class="more (more-before|more-after)" data-url="([^"]+)"', html)


def test_the_page_holds_the_first_window_and_points_to_the_next(logged_in, user):
    article = counted(100, user)
    html = logged_in.get(f"/articles/{article.id}").data.decode()
    assert indices(html) == list(range(40))
    assert [(side, url) for side, url in re.findall(r'class="more (more-\w+)" data-url="([^"]+)"', html)] == [
        ("more-after", f"/articles/{article.id}/sentences?from=40")]
    # The first sentence is the current one, its toolbar right under it.
    first = article.sentences[0]
    assert re.search(rf'class="sentence[^"]* is-current" id="s-{first.id}"', html)
    assert re.search(rf'id="s-{first.id}".*?</div><div id="sentence-tools" class="stools" '
                     rf'data-sentence-id="{first.id}"', html, re.DOTALL)


def test_windows_after_and_before_carry_a_placeholder_on_their_side_only(logged_in, user):
    article = counted(100, user)
    after = logged_in.get(f"/articles/{article.id}/sentences?from=40", headers=HX).data.decode()
    assert indices(after) == list(range(40, 80))
    assert placeholders(after) == [("more-after", f"/articles/{article.id}/sentences?from=80")]
    last = logged_in.get(f"/articles/{article.id}/sentences?from=80", headers=HX).data.decode()
    assert indices(last) == list(range(80, 100)) and placeholders(last) == []
    before = logged_in.get(f"/articles/{article.id}/sentences?to=60", headers=HX).data.decode()
    assert indices(before) == list(range(20, 60))
    assert placeholders(before) == [("more-before", f"/articles/{article.id}/sentences?to=20")]


def test_a_window_that_starts_inside_a_paragraph_says_it_continues(logged_in, user):
    article = counted(100, user)
    html = logged_in.get(f"/articles/{article.id}/sentences?from=45", headers=HX).data.decode()
    assert html.count('<div class="para para-cont">') == 1  # 45..49 continue paragraph 4
    assert html.count('<div class="para">') == 4  # then paragraphs 5..8 (the window stops at 84)


def test_a_link_to_a_claim_far_down_opens_the_window_around_it(logged_in, user):
    article = counted(300, user)
    claim = make_claim(article, "voters agreed", sentence_index=250, user=user)
    html = logged_in.get(f"/articles/{article.id}?claim={claim.id}").data.decode()
    assert 250 in indices(html) and 0 not in indices(html)
    assert [side for side, _ in placeholders(html)] == ["more-before", "more-after"]
    assert f'data-sentence-id="{claim.sentence_id}"' in html and 'class="panel is-open"' in html


def test_a_jump_answers_the_column_around_a_sentence_or_the_next_unchecked_one(logged_in, user):
    article = counted(300, user)
    for sentence in article.sentences[:200]:
        set_no_claim(sentence, True, user)
    claim_ops.mark_sentence(article.sentences[200], user)
    db.session.commit()
    far = article.sentences[280]
    html = logged_in.get(f"/articles/{article.id}/jump?sentence={far.id}", headers=HX).data.decode()
    assert f'id="sentences" class="sentences" aria-label="Sentences" tabindex="-1" data-focus="s-{far.id}"' in html
    assert 280 in indices(html)
    html = logged_in.get(f"/articles/{article.id}/jump?unchecked_after=10", headers=HX).data.decode()
    assert f'data-focus="s-{article.sentences[201].id}"' in html
    assert logged_in.get(f"/articles/{article.id}/jump?index=7", headers=HX).status_code == 200
    for sentence in article.sentences[201:]:
        set_no_claim(sentence, True, user)
    db.session.commit()
    assert logged_in.get(f"/articles/{article.id}/jump?unchecked_after=10", headers=HX).status_code == 204
    other = counted(5, user)
    assert logged_in.get(f"/articles/{other.id}/jump?sentence={far.id}", headers=HX).status_code == 204


def test_the_toolbar_of_a_sentence_and_its_revalidation(logged_in, user):
    article = counted(20, user)
    claim = make_claim(article, "voters agreed", sentence_index=3, user=user, attr_source="the clerk")
    sentence = article.sentences[3]
    response = logged_in.get(f"/sentences/{sentence.id}/tools", headers=HX)
    html = response.data.decode()
    assert f'id="sentence-tools" class="stools" data-sentence-id="{sentence.id}"' in html
    assert f'data-claim-id="{claim.id}"' in html and "the clerk" in html
    assert 'aria-label="Merge sentence 4 with the next"' in html
    etag = response.headers["ETag"]
    assert "no-cache" in response.headers["Cache-Control"] and "private" in response.headers["Cache-Control"]
    again = logged_in.get(f"/sentences/{sentence.id}/tools", headers=HX | {"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    make_claim(article, "Line 3", sentence_index=3, user=user)  # a change: a new ETag, the whole toolbar
    changed = logged_in.get(f"/sentences/{sentence.id}/tools", headers=HX | {"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    plain = logged_in.get(f"/sentences/{sentence.id}/tools")
    assert plain.status_code == 302 and plain.headers["Location"].endswith(f"/articles/{article.id}#s-{sentence.id}")


def test_a_sentence_row_stays_under_400_bytes_with_two_claims(logged_in, user):
    """The benchmark's workload: every body sentence marked whole and on its first word."""
    article = counted(40, user)
    for sentence in article.sentences:
        claim_ops.mark_sentence(sentence, user)
        claim_ops.mark_claim(sentence, sentence.start, sentence.start + 4, user)
    db.session.commit()
    html = logged_in.get(f"/articles/{article.id}/sentences?from=0", headers=HX).data
    rows = len(indices(html.decode()))
    assert rows == 40 and len(html) / rows < 400, len(html) / rows


def test_rows_and_toolbar_show_one_chip_that_says_no_rating_before_the_claim_is_decided(client):
    team = make_team()
    article = counted(5, team["ann"])
    claim = make_claim(article, "voters agreed", sentence_index=2, user=team["ann"], status="in_review")
    assert article.blind_verdicts and claim.workflow_state == "in_review"  # ann's verdict, hidden from bob
    window = f"/articles/{article.id}/sentences?from=0"
    tools = f"/sentences/{claim.sentence_id}/tools"
    for name in ("bob", "ann", "ed"):  # whoever reads: the state, never ann's rating
        login(client, name)
        pages = (client.get(f"/articles/{article.id}").data.decode(), client.get(window, headers=HX).data.decode())
        for html in pages:
            assert 'class="claim status-in_review"' in html and "claim status-supported" not in html
        assert 'class="chip status-in_review"' in client.get(tools, headers=HX).data.decode()
    claim.article.single_verdict = True
    workflow.give_verdict(claim, team["bob"], "supported")  # agreeing, and now one verdict decides
    db.session.commit()
    assert 'class="claim status-supported"' in client.get(window, headers=HX).data.decode()
    assert 'class="chip status-supported"' in client.get(tools, headers=HX).data.decode()
