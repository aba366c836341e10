"""Entry point for `flask --app app ...`."""
from annotate import create_app

app = create_app()
