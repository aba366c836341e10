"""The published export format: its name, version and JSON Schema (docs/export-schema-v1.json)."""
import functools
import json
from pathlib import Path

FORMAT = "annotate.claims"
VERSION = 1
SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "export-schema-v1.json"


@functools.cache
def _schema_text() -> str:
    return SCHEMA_PATH.read_text(encoding="utf-8")


def load_schema() -> dict:
    """A fresh copy of the schema (callers such as the OpenAPI builder may change theirs)."""
    return json.loads(_schema_text())


@functools.cache
def validator():
    """One compiled validator per process: building it costs more than checking a small document (jsonschema is
    imported here, on first use, not at start-up)."""
    import jsonschema

    return jsonschema.Draft202012Validator(load_schema())


def validate_export(document: dict) -> None:
    """Raise jsonschema.ValidationError when a document breaks the published format."""
    validator().validate(document)
