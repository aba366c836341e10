"""Start-up stays light: the heavy libraries load only when the work that needs them runs, so every CLI command,
test run and server worker starts without them (cold start is part of issue 13's figures)."""
import json
import subprocess
import sys

from annotate import PROJECT_ROOT

# jsonschema: checking API bodies and export documents; trafilatura (with lxml): extracting article text from HTML;
# alembic: the schema commands; the suggestion rules (compiling their patterns was a quarter of the app's own
# start-up): a new article, a claim marked by hand and the suggest command.
HEAVY = ("jsonschema", "trafilatura", "lxml", "alembic", "annotate.suggestions.rules")

PROBE = """
import json, sys
from annotate import create_app
from annotate.extensions import db
app = create_app({"SECRET_KEY": "probe", "INSTANCE_PATH": sys.argv[1], "SQLALCHEMY_DATABASE_URI": "sqlite://"})
with app.app_context():
    db.create_all()
assert app.test_client().get("/login").status_code in (200, 302)
print(json.dumps(sorted(name for name in sys.modules if name.split(".")[0] in sys.argv[2:] or name in sys.argv[2:])))
"""


def test_the_app_starts_and_serves_a_page_without_the_heavy_libraries(tmp_path):
    probe = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path), *HEAVY], cwd=PROJECT_ROOT,
                           capture_output=True, text=True, timeout=120)
    assert probe.returncode == 0, probe.stderr[-2000:]
    assert json.loads(probe.stdout.splitlines()[-1]) == []
