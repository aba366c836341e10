"""The article list and its status filter, and adding articles by paste or upload, bad input included."""
import io
import re
from datetime import date
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func
from sqlalchemy import select

from annotate.interchange import schema
from annotate.extensions import db
from annotate.models import Article
from annotate.models import Sentence
from tests.factories import make_article
from tests.factories import make_claim

DATA = Path(__file__).parent.parent / "data" / "client"


def row_counts() -> tuple[int, int]:
    """Articles and sentences stored, to show that a refused form wrote nothing."""
    db.session.expire_all()
    return db.session.scalar(select(func.count(Article.id))), db.session.scalar(select(func.count(Sentence.id)))


def field_errors(html: bytes, field_id: str) -> list[str]:
    """The messages shown next to one form field (the <p class="error" id="FIELD-error"> of _field.html)."""
    pattern = rf'<p class="error" id="{re.escape(field_id)}-error">(.*?)</p>'
    return [unescape(m) for m in re.findall(pattern, html.decode())]


def upload(client, filename: str, content: bytes, **fields):
    data = {"title": "", "source_url": "", "published": "", "text": "", **fields,
            "file": (io.BytesIO(content), filename)}
    return client.post("/articles/new", data=data, content_type="multipart/form-data")


def paste(client, text: str, **fields):
    data = {"title": "", "source_url": "", "published": "", **fields, "text": text}
    return client.post("/articles/new", data=data, content_type="multipart/form-data")


def created_article(response) -> Article:
    assert response.status_code == 303, response.data[:2000]
    path = urlsplit(response.headers["Location"]).path
    assert re.fullmatch(r"/articles/\d+", path)
    return db.session.get(Article, int(path.rsplit("/", 1)[1]))


def assert_sentence_invariant(article: Article) -> None:
    assert [s.index for s in article.sentences] == list(range(len(article.sentences)))
    for sentence in article.sentences:
        assert sentence.text == article.text[sentence.start : sentence.end]
        assert sentence.text.strip() == sentence.text != ""


# --- the list ----------------------------------------------------------------------------------------


def test_empty_list_says_so(logged_in):
    response = logged_in.get("/")
    assert response.status_code == 200
    assert b"No articles" in response.data


def test_list_shows_each_article_with_progress_and_counts_by_status(logged_in, user):
    first = make_article(title="Council budget story", user=user)
    make_article(title="Untouched story")
    make_claim(first, "40 people were hurt", user=user, status="refuted")
    make_claim(first, "Police have not named a suspect.", sentence_index=2, user=user)
    page = logged_in.get("/").data.decode()
    assert "Council budget story" in page and "Untouched story" in page
    assert "2/3 sentences" in page  # two of three body sentences hold a claim
    assert "0/3 sentences" in page
    assert re.search(r"1 <span class=\"label\">refuted</span>", page)
    assert re.search(r"1 <span class=\"label\">unverified</span>", page)
    assert "No claims yet" in page
    assert "added" in page and "by rev" in page


@pytest.mark.parametrize("status", ["refuted", "supported"])
def test_status_filter_keeps_only_articles_with_such_claims(logged_in, user, status):
    refuted = make_article(title="Has a refuted claim")
    make_article(title="Has no claim")
    make_claim(refuted, "40 people were hurt", status="refuted")
    page = logged_in.get("/", query_string={"status": status}).data.decode()
    assert "Has no claim" not in page
    assert ("Has a refuted claim" in page) == (status == "refuted")


def test_unknown_status_filter_is_a_400(logged_in):
    response = logged_in.get("/?status=bogus")
    assert response.status_code == 400
    assert b"Unknown status filter" in response.data


def test_empty_status_filter_means_all(logged_in):
    make_article(title="Any article")
    assert b"Any article" in logged_in.get("/?status=").data


# --- adding an article --------------------------------------------------------------------------------


def test_new_article_form(logged_in):
    response = logged_in.get("/articles/new")
    assert response.status_code == 200
    for name in ("title", "source_url", "published", "text", "file"):
        assert f'name="{name}"'.encode() in response.data
    assert b"500,000 characters" in response.data


def test_paste_creates_an_article_with_sentences(logged_in, user):
    text = "Storm hits coast\nThe storm hit the coast on Monday. Thousands lost power.\n"
    response = paste(logged_in, text, title="Storm story", source_url="https://news.example/storm",
                     published="2024-03-05")
    article = created_article(response)
    assert article.title == "Storm story"
    assert article.source_url == "https://news.example/storm"
    assert article.published == date(2024, 3, 5)
    assert article.created_by.username == "rev"
    assert [(s.kind, s.text) for s in article.sentences] == [
        ("heading", "Storm hits coast"), ("body", "The storm hit the coast on Monday."),
        ("body", "Thousands lost power.")]
    assert_sentence_invariant(article)
    page = logged_in.get(response.headers["Location"])
    assert "Storm story" in page.data.decode()
    # the flash message counts what the progress bar counts: the body sentences to check
    assert "with 2 sentences to check (and 1 heading, captions or page chrome)" in unescape(page.data.decode())


def test_the_same_story_added_twice_is_kept_with_a_warning_naming_the_first(logged_in):
    text = "Storm hits coast\nThe storm hit the coast on Monday. Thousands lost power."
    first = created_article(paste(logged_in, text))
    response = paste(logged_in, text)
    second = created_article(response)
    assert second.id != first.id
    html = unescape(logged_in.get(response.headers["Location"]).data.decode())
    assert f"The same text was added before, as “{first.title}” (article {first.id})" in html
    assert 'class="toast toast-warning"' in html


def test_pasted_text_and_a_chosen_file_at_once_are_refused_not_one_dropped(logged_in):
    response = logged_in.post("/articles/new", data={
        "text": "Pasted words here.", "file": (io.BytesIO(b"File words here."), "story.txt")},
        content_type="multipart/form-data")
    assert response.status_code == 422
    assert "Paste the text or choose a file, not both" in unescape(response.data.decode())
    assert db.session.scalar(select(func.count(Article.id))) == 0


def test_paste_without_title_takes_the_first_line(logged_in):
    article = created_article(paste(logged_in, "Storm hits coast\nThe storm hit the coast on Monday."))
    assert article.title == "Storm hits coast"


def test_paste_normalises_line_endings_and_keeps_offsets_exact(logged_in):
    article = created_article(paste(logged_in, "\ufeffFirst line here.\r\nSecond line here.\r\n"))
    assert "\r" not in article.text and "\ufeff" not in article.text
    assert_sentence_invariant(article)


def test_paste_of_a_long_non_ascii_article_within_the_limit_is_accepted(logged_in):
    """Browsers send this form as multipart; a text under the character limit must not hit a byte limit."""
    text = ("市议会周一批准了新的交通预算。" * 10 + "\n") * 1200  # 181,200 characters, 541,200 bytes
    article = created_article(paste(logged_in, text, title="Long CJK article"))
    assert len(article.text) == len(text.strip())


def test_upload_txt(logged_in):
    article = created_article(upload(logged_in, "emoji_vote.txt", (DATA / "emoji_vote.txt").read_bytes()))
    assert article.title == "emoji vote"  # the file name when no title is given
    assert "👍🏽" in article.text
    assert len(article.sentences) == 4
    assert_sentence_invariant(article)


def test_upload_txt_with_a_title_keeps_the_title(logged_in):
    response = upload(logged_in, "emoji_vote.txt", (DATA / "emoji_vote.txt").read_bytes(), title="Farm bill")
    assert created_article(response).title == "Farm bill"


def test_upload_txt_with_bom_and_crlf(logged_in):
    content = b"\xef\xbb\xbf" + (DATA / "curly_quotes.txt").read_bytes().replace(b"\n", b"\r\n")
    article = created_article(upload(logged_in, "water.txt", content))
    assert article.text.startswith("Minister defends water plan\n")
    assert_sentence_invariant(article)


def test_upload_markdown_keeps_the_words_not_the_markup_and_takes_the_heading_as_title(logged_in):
    article = created_article(upload(logged_in, "morning-briefing.md", (DATA / "briefing.md").read_bytes()))
    assert article.title == "Morning briefing"  # the file's first heading, not its name
    assert article.text.startswith("Morning briefing\nThe central bank held its key rate at 4.5 percent")
    assert "reflected slowing inflation" in article.text and "#" not in article.text and "*" not in article.text
    assert [s.kind for s in article.sentences] == ["heading", "body", "body"]


def test_markdown_links_lists_quotes_and_images_come_through_as_their_words(logged_in):
    source = ("Intro line with **bold**, _italic_ and a [source link](https://example.org/report).\n\n"
              "- First item says 40 people were hurt\n- Second item\n\n"
              "> A quoted line from the mayor.\n\n![a chart of the figures](chart.png)\n\n"
              "Last `code` words<br>here.\n")
    article = created_article(upload(logged_in, "notes_file.md", source.encode()))
    assert article.title == "notes file"  # no heading: the file name, as before
    assert article.text == ("Intro line with bold, italic and a source link.\nFirst item says 40 people were hurt\n"
                            "Second item\nA quoted line from the mayor.\nLast code words here.")
    assert_sentence_invariant(article)


def test_upload_html_keeps_the_story_and_drops_the_page_chrome(logged_in):
    article = created_article(upload(logged_in, "story.html", (DATA / "news_page.html").read_bytes()))
    assert article.title == "City council approves new transit budget"
    text = article.text
    for kept in ("voted 7–2 on Monday", "“This is the most ambitious investment", "Priya Nair",
                 "pending a final review by the state comptroller's office."):
        assert kept in text
    for chrome in ("cookies", "Accept all", "Subscribe", "Politics", "Breaking News", "Related stories",
                   "Share this article", "newsletter", "All rights reserved", "Privacy policy", "dataLayer",
                   "Skip to main content"):
        assert chrome.lower() not in text.lower(), chrome
    assert_sentence_invariant(article)
    assert sum(s.kind == "body" for s in article.sentences) >= 7


def test_an_uploaded_page_keeps_its_publication_date_as_a_fetched_one_does(logged_in):
    article = created_article(upload(logged_in, "story.html", (DATA / "news_page.html").read_bytes()))
    assert article.published == date(2024, 3, 5)  # the page's <time datetime="2024-03-05T09:30:00Z">


def test_upload_html_with_an_htm_suffix_and_upper_case(logged_in):
    article = created_article(upload(logged_in, "STORY.HTM", (DATA / "news_page.html").read_bytes()))
    assert "Priya Nair" in article.text


# --- bad input: a message next to the field, and nothing written ----------------------------------------


def assert_refused(response, field: str, fragment: str, before: tuple[int, int], status: int = 422):
    assert response.status_code == status, response.data[:500]
    messages = field_errors(response.data, field)
    assert any(fragment in m for m in messages), (field, messages)
    assert row_counts() == before
    assert b"<form" in response.data  # the form comes back to be corrected


@pytest.mark.parametrize("text", ["", "   \n\t  \n", "\u200b\u200b\n\ufeff\u2060"])
def test_empty_text_is_refused(logged_in, text):
    before = row_counts()
    assert_refused(paste(logged_in, text), "text", "empty", before)


@pytest.mark.parametrize(
    "filename, content, fragment",
    [
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "Upload a .txt, .md or .html file"),
        ("notes.docx", b"PK\x03\x04\x14\x00\x06\x00", "Upload a .txt, .md or .html file"),
        ("noextension", b"Plain words here.", "Upload a .txt, .md or .html file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "looks binary"),
        ("latin1.txt", "Le maire a déclaré à la presse qu'il était déçu.".encode("latin-1"), "not valid UTF-8"),
        ("utf16.txt", "Mayor says yes.".encode("utf-16"), "binary"),
        ("empty.txt", b"", "The article text is empty"),
        ("blank.md", b"\n\n   \n", "The article text is empty"),
        ("menu.html", b"<html><head><script>var a = 1;</script></head><body><img src=x></body></html>",
         "No article text could be found"),
    ],
)
def test_bad_upload_is_refused_next_to_the_file_field(logged_in, filename, content, fragment):
    before = row_counts()
    field = "file" if "empty" not in fragment else "text"
    assert_refused(upload(logged_in, filename, content), field, fragment, before)


@pytest.mark.parametrize(
    "url, fragment",
    [
        ("javascript:alert(1)", "http:// or https://"),
        ("JavaScript:alert(document.cookie)", "http:// or https://"),
        ("data:text/html,<script>alert(1)</script>", "http:// or https://"),
        ("ftp://files.example/story.txt", "http:// or https://"),
        ("/news/story", "http:// or https://"),
        ("news.example/story", "http:// or https://"),
        ("https://", "not a valid web address"),
        ("https://news.example/a b", "spaces"),
    ],
)
def test_bad_source_url_is_refused(logged_in, url, fragment):
    before = row_counts()
    assert_refused(paste(logged_in, "The storm hit the coast.", source_url=url), "source_url", fragment, before)


def test_source_url_too_long_is_refused(logged_in):
    before = row_counts()
    url = "https://news.example/" + "a" * 2000
    assert_refused(paste(logged_in, "The storm hit.", source_url=url), "source_url", "2000", before)


def test_title_too_long_is_refused(logged_in):
    before = row_counts()
    assert_refused(paste(logged_in, "The storm hit.", title="T" * 301), "title", "300", before)


def test_bad_date_is_refused(logged_in):
    before = row_counts()
    assert_refused(paste(logged_in, "The storm hit.", published="5 March"), "published", "date", before)


def test_refused_form_keeps_what_was_typed(logged_in):
    response = paste(logged_in, "The storm hit the coast.", title="My title", source_url="javascript:alert(1)")
    html = response.data.decode()
    assert 'value="My title"' in html
    assert "The storm hit the coast." in html


class TestSmallLimits:
    """Limits made small so that the test stays fast: the article size and the upload size."""

    @pytest.fixture
    def app_config(self):
        return {"MAX_ARTICLE_CHARS": 100, "MAX_CONTENT_LENGTH": 20_000}

    def test_the_form_states_the_limit(self, logged_in):
        assert b"Up to 100 characters" in logged_in.get("/articles/new").data

    def test_too_long_text_is_refused_with_the_limit(self, logged_in):
        before = row_counts()
        response = paste(logged_in, "The storm hit the coast on Monday. " * 3)  # 104 characters after trimming
        assert_refused(response, "text", "the limit is 100", before)

    def test_text_at_the_limit_is_accepted(self, logged_in):
        article = created_article(paste(logged_in, "a" * 99 + "."))
        assert len(article.text) == 100

    def test_too_long_uploaded_text_is_refused(self, logged_in):
        before = row_counts()
        response = upload(logged_in, "long.txt", b"The storm hit the coast on Monday. " * 10)
        assert_refused(response, "text", "too long", before)

    def test_too_long_html_article_is_refused(self, logged_in):
        before = row_counts()
        response = upload(logged_in, "story.html", (DATA / "news_page.html").read_bytes())
        assert_refused(response, "text", "too long", before)

    def test_oversized_upload_gets_413_with_the_form_and_a_message(self, logged_in):
        before = row_counts()
        response = upload(logged_in, "huge.txt", b"word " * 10_000)  # 50 kB against a 20 kB limit
        assert_refused(response, "file", "too large", before, status=413)
        assert b'name="text"' in response.data


def test_an_upper_case_scheme_is_stored_in_lower_case_so_the_export_validates(logged_in):
    from annotate.interchange import native

    response = logged_in.post("/articles/new", data={"title": "Caps", "text": "One sentence here.",
                                                     "source_url": "HTTPS://News.Example/story"})
    assert response.status_code == 303
    document = native.export_articles()
    schema.validate_export(document)
    assert document["articles"][-1]["source_url"] == "https://News.Example/story"
