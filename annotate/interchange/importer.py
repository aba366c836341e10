"""Import of annotation sets: validate the whole file first, then write all of it or nothing."""
import json
from dataclasses import dataclass
from dataclasses import field

from annotate.errors import InputError
from annotate.interchange import values
from annotate.interchange import writer as interchange_writer
from annotate.interchange.checks import check_document
from annotate.interchange.known import KnownIds
from annotate.interchange.schema import FORMAT

SUPPORTED_VERSIONS = (1,)
MAX_IMPORT_BYTES = 20 * 1024 * 1024
MODES = ("skip", "replace")
IMPORT_ROLE = "editor"  # imports write in bulk: editors and admins only, on the web and in the API


class ImportInvalid(ValueError):
    """The file cannot be imported; each error names a JSON path and what was expected."""

    def __init__(self, errors: list[dict]):
        super().__init__("; ".join(f"{e['path']}: {e['message']}" for e in errors[:5]))
        self.errors = errors


@dataclass
class ImportReport:
    """What an import did, for the page, the CLI and the API."""

    mode: str = "skip"
    articles_created: int = 0
    articles_matched: int = 0
    claims_created: int = 0
    claims_replaced: int = 0
    claims_skipped: int = 0
    claims_reanchored: int = 0
    orphans: int = 0
    users_created: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    articles: list[dict] = field(default_factory=list)  # each article of the file: id, title, how it was matched

    def matched(self, data: dict, how: str, article) -> None:
        """Record how an article of the file was placed here: "id", "text" (an article here of identical text whose
        id the file does not know) or "created"."""
        self.articles.append({"id": data["id"], "title": data["title"], "matched_by": how, "article_id": article.uuid})
        if how == "created":
            self.articles_created += 1
        else:
            self.articles_matched += 1

    def as_dict(self) -> dict:
        return dict(self.__dict__)

    def summary(self) -> str:
        by_text = sum(1 for a in self.articles if a["matched_by"] == "text")
        matched = f"{self.articles_matched} matched" + (f" ({by_text} by identical text)" if by_text else "")
        parts = [f"{self.articles_created} article(s) created", matched,
                 f"{self.claims_created} claim(s) created", f"{self.claims_replaced} replaced",
                 f"{self.claims_skipped} skipped", f"{self.claims_reanchored} re-anchored",
                 f"{self.orphans} orphaned"]
        if self.users_created:
            parts.append(f"unknown users created disabled: {', '.join(self.users_created)}")
        return "; ".join(parts) + "."


def parse(data: bytes) -> dict:
    """Bytes of an uploaded file to a document, or ImportInvalid saying what is wrong with it."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportInvalid([{"path": "$", "message": f"the file is {len(data) / 1048576:.1f} MB; "
                                                      f"the limit is {MAX_IMPORT_BYTES // 1048576} MB"}])
    if not data.strip():
        raise ImportInvalid([{"path": "$", "message": "the file is empty"}])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportInvalid([{"path": "$", "message": f"not UTF-8 text (byte {error.start})"}]) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        message = f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        raise ImportInvalid([{"path": "$", "message": message}]) from None
    except RecursionError:
        message = f"the document is nested more than {values.MAX_DEPTH} levels deep"
        raise ImportInvalid([{"path": "$", "message": message}]) from None
    check_values(document)
    return document


def check_values(document) -> None:
    """Nothing the database cannot store: a NUL, a lone surrogate, an integer out of range (values.py)."""
    problem = values.find_problem(document)
    if problem is not None:
        raise ImportInvalid([{"path": problem.json_path(), "message": problem.message}])


def check_envelope(document) -> None:
    """Format and version first, so a wrong file gets one clear message rather than many."""
    if not isinstance(document, dict):
        raise ImportInvalid([{"path": "$", "message": "expected a JSON object with format, version and articles"}])
    if document.get("format") != FORMAT:
        raise ImportInvalid([{"path": "$.format", "message": f"expected {FORMAT!r}, found {document.get('format')!r}"}])
    version = document.get("version")
    if version not in SUPPORTED_VERSIONS:
        supported = ", ".join(str(v) for v in SUPPORTED_VERSIONS)
        raise ImportInvalid([{"path": "$.version",
                              "message": f"unsupported version {version!r}; this installation reads version {supported}"}])


def validate(document) -> None:
    """Raise ImportInvalid unless the document is entirely importable."""
    check_envelope(document)
    check_values(document)
    errors = check_document(document)
    if errors:
        raise ImportInvalid(errors)


def no_progress(done: int, total: int, step: str, force: bool = False) -> None:
    """Imports inside a request or the CLI report no progress."""


def import_document(document, mode: str = "skip", actor=None, progress=no_progress) -> ImportReport:
    """Validate, then write every article, claim and record (flushed; the caller commits or rolls back).

    progress(done, total, step) hears of each step: checking the file, then each article (a job's progress bar)."""
    if mode not in MODES:
        raise ImportInvalid([{"path": "$", "message": f"mode must be one of {', '.join(MODES)}"}])
    articles = document.get("articles") if isinstance(document, dict) else None
    total = 1 + (len(articles) if isinstance(articles, list) else 0)
    progress(0, total, "Checking the whole file", force=True)
    validate(document)
    report = ImportReport(mode=mode)
    writer = interchange_writer.Writer(report, mode, actor, KnownIds.of_document(document),
                                       {a["id"] for a in document["articles"]})
    try:
        writer.users(document)
        writer.vocabulary(document.get("vocabulary"))
        for number, article_data in enumerate(document["articles"], 1):
            progress(number, total, f"Writing article {number} of {total - 1}")
            writer.article(article_data)
    except InputError as error:  # a rule only the writing could check; the caller rolls back
        raise ImportInvalid([{"path": f"$.{error.field}" if error.field else "$", "message": error.message}]) from None
    return report
