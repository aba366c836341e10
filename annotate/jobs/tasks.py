"""What a job does, by kind: each task takes the job and a progress callback and returns the result to keep.

A task flushes and never commits: the runner commits its work together with the job's "done", or rolls it all
back and records why.
"""
from datetime import date

from annotate.articles import operations as article_operations
from annotate.interchange import importer
from annotate.models import Job


class TaskFailed(Exception):
    """The job's input was refused: a message, and the problems one by one (a JSON path and what was wrong)."""

    def __init__(self, message: str, errors: list[dict] | None = None):
        super().__init__(message)
        self.message, self.errors = message, errors or []


def import_annotations(job: Job, progress) -> dict:
    """A large annotation set: checked whole, then written article by article, all or nothing."""
    progress(0, 1, "Reading the file", force=True)
    try:
        document = importer.parse(job.payload.encode("utf-8"))
        report = importer.import_document(document, job.params.get("mode", "skip"), job.created_by,
                                          progress=progress)
    except importer.ImportInvalid as invalid:
        raise TaskFailed("Nothing was imported: the file has problems.", invalid.errors) from None
    return {"report": report.as_dict()}


def create_article(job: Job, progress) -> dict:
    """A very large article: segmented into sentences, with its claim suggestions."""
    params = job.params
    progress(1, 2, f"Splitting {len(job.payload):,} characters into sentences and finding claims", force=True)
    published = date.fromisoformat(params["published"]) if params.get("published") else None
    article = article_operations.create_article(job.payload, job.created_by, title=params.get("title", ""),
                                                source_url=params.get("source_url", ""), published=published)
    return {"article_id": article.id, "article": article.uuid, "title": article.title,
            "sentences": len(article.sentences)}


TASKS = {"import": import_annotations, "article": create_article}
