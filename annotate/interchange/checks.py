"""Checks an import must pass before anything is written: the JSON Schema, then the offsets."""
from annotate.interchange.schema import validator
from annotate.interchange.native import text_sha256

MAX_ERRORS = 50


def json_path(parts) -> str:
    """A jsonschema error path as $.articles[0].claims[2].start."""
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def schema_errors(document: dict) -> list[dict]:
    errors = sorted(validator().iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path])
    return [{"path": json_path(e.absolute_path), "message": e.message} for e in errors[:MAX_ERRORS]]


def sentence_errors(article: dict, where: str) -> list[dict]:
    """Sentences are contiguous, in order, inside the text, and their text is the slice they name."""
    text, errors, previous_end = article["text"], [], 0
    for position, sentence in enumerate(article["sentences"]):
        path = f"{where}.sentences[{position}]"
        start, end = sentence["start"], sentence["end"]
        if sentence["index"] != position:
            errors.append({"path": f"{path}.index", "message": f"expected {position} (indices run from 0 in order)"})
        if not (previous_end <= start < end <= len(text)):
            errors.append({"path": path, "message": f"offsets {start}..{end} overlap the previous sentence or "
                                                    f"fall outside the text (length {len(text)})"})
        elif text[start:end] != sentence["text"]:
            errors.append({"path": f"{path}.text", "message": "does not equal text[start:end]"})
        previous_end = max(previous_end, end)
    return errors


def claim_errors(article: dict, where: str, seen_ids: set) -> list[dict]:
    """Each claim lies inside its sentence and its quote is the slice its offsets name."""
    text, sentences, errors = article["text"], article["sentences"], []
    for position, claim in enumerate(article["claims"]):
        path = f"{where}.claims[{position}]"
        if claim["id"] in seen_ids:
            errors.append({"path": f"{path}.id", "message": f"duplicate id {claim['id']!r}"})
        seen_ids.add(claim["id"])
        index, start, end = claim["sentence_index"], claim["start"], claim["end"]
        if index >= len(sentences):
            errors.append({"path": f"{path}.sentence_index", "message": f"no sentence {index} in this article"})
            continue
        sentence = sentences[index]
        if not (sentence["start"] <= start < end <= sentence["end"]):
            errors.append({"path": path, "message": f"offsets {start}..{end} fall outside sentence {index} "
                                                    f"({sentence['start']}..{sentence['end']})"})
        elif text[start:end] != claim["quote"]:
            errors.append({"path": f"{path}.quote", "message": "does not equal text[start:end]"})
    return errors


ID_LENGTH = 36  # every id and *_id is stored in a 36-character column
LENGTHS = {  # the other length-limited columns, by the record a field sits in (the list or object holding it)
    "articles": {"title": 300, "source_url": 2000},
    "attribution": {"source": 300, "role": 300, "cue": 100},
    "evidence": {"title": 500, "url": 2000},
    "vocabulary": {"key": 40, "label": 80, "colour": 7, "agreement_group": 40},
}
ANYWHERE = {"rating": 40}


def length_errors(document: dict) -> list[dict]:
    """Strings longer than their column: PostgreSQL refuses them (a 500 at the insert), so say where they are."""
    errors, pending = [], [(document, "$", None)]
    while pending:
        node, path, kind = pending.pop()
        if isinstance(node, list):
            pending.extend((item, f"{path}[{index}]", kind) for index, item in enumerate(node))
            continue
        if not isinstance(node, dict):
            continue
        for key, value in node.items():
            if not isinstance(value, str):
                pending.append((value, f"{path}.{key}", key))
                continue
            is_id = key == "id" or key.endswith("_id")
            limit = ID_LENGTH if is_id else LENGTHS.get(kind, {}).get(key) or ANYWHERE.get(key)
            if limit and len(value) > limit:
                errors.append({"path": f"{path}.{key}",
                               "message": f"is {len(value):,} characters long; at most {limit:,} can be kept"})
    return sorted(errors, key=lambda error: error["path"])


def check_document(document: dict) -> list[dict]:
    """Every reason the document cannot be imported (empty when it can)."""
    errors = schema_errors(document) or length_errors(document)
    if errors:
        return errors[:MAX_ERRORS]
    seen_articles, seen_claims = set(), set()
    for position, article in enumerate(document["articles"]):
        where = f"$.articles[{position}]"
        if article["id"] in seen_articles:
            errors.append({"path": f"{where}.id", "message": f"duplicate article id {article['id']!r}"})
        seen_articles.add(article["id"])
        if "sha256" in article and article["sha256"] != text_sha256(article["text"]):
            errors.append({"path": f"{where}.sha256", "message": "does not match the SHA-256 of the text"})
        errors += sentence_errors(article, where)
        errors += claim_errors(article, where, seen_claims)
    return errors[:MAX_ERRORS]
