"""Times as text: the one ISO 8601 writer and the one parser every export, import and API response uses."""
from datetime import datetime
from datetime import timezone


def iso(moment: datetime | str | None) -> str | None:
    """ISO 8601 in UTC with a Z; a naive time is taken to be UTC already (that is how the database keeps them).
    Text is passed through: an export's rows read on SQLite come as this text already (interchange.rows)."""
    if moment is None or type(moment) is str:
        return moment
    if moment.tzinfo is timezone.utc:  # as the database hands them back: no conversion needed
        return moment.isoformat().replace("+00:00", "Z")
    if moment.tzinfo is None:  # as an export reads them (rows): the same text, sooner
        return moment.isoformat() + "Z"
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def parse_iso(value: str | None) -> datetime | None:
    """An aware UTC datetime from ISO 8601 text ('Z' or an offset); a time without an offset is read as UTC."""
    if not value:
        return None
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)
