"""The layers stay layers: each module's imports, read with `ast`, point only downwards.

text/ and the suggestion rules are pure functions on strings; models/ is the schema alone; the domain modules
(operations, named logic, forms, commands) never reach up into views, fragments, the web helpers or the API,
and only the web layer handles the request.
"""
import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "annotate"

WEB_AND_DATABASE = ("flask", "flask_login", "flask_migrate", "flask_sqlalchemy", "flask_wtf", "sqlalchemy",
                    "werkzeug", "wtforms", "jinja2", "markupsafe")
REQUEST_NAMES = {
    "flask": {"request", "session", "render_template", "render_template_string", "redirect", "url_for",
              "make_response", "flash", "abort"},
    "flask_login": {"current_user", "login_user", "logout_user"},
}
# Outside the web layer, only where the request is the point (each entry says why).
REQUEST_ALLOWED = {
    "config.py": {"request"},  # an SQLite transaction takes the write lock up front when the request writes
    "accounts/permissions.py": {"current_user"},  # role_required, the decorator views use, next to require_role
    # blind review: an export or a history read in a request is the request user's, so no channel can forget it
    "review/visibility.py": {"current_user"},
}
VIEW_LAYER_MODULES = ("annotate.web", "annotate.api")
VIEW_LAYER_NAMES = ("views", "fragments")


@dataclass
class Module:
    path: str  # relative to annotate/, with slashes
    imports: list[tuple[str, set[str]]]  # (module, names imported from it; empty for `import x`)

    @property
    def is_view_layer(self) -> bool:
        name = self.path.removesuffix(".py").replace("/", ".")
        return (self.path == "__init__.py" or Path(self.path).stem in VIEW_LAYER_NAMES
                or f"annotate.{name}".startswith(VIEW_LAYER_MODULES))

    def targets(self) -> list[str]:
        """Everything imported, as dotted names (`from a.b import c` gives a.b and a.b.c)."""
        found = []
        for module, names in self.imports:
            found.append(module)
            found.extend(f"{module}.{name}" for name in names)
        return found


def read_modules() -> list[Module]:
    modules = []
    for path in sorted(PACKAGE.rglob("*.py")):
        imports = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                imports.extend((alias.name, set()) for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{path}: relative import"
                imports.append((node.module, {alias.name for alias in node.names}))
        modules.append(Module(path.relative_to(PACKAGE).as_posix(), imports))
    return modules


MODULES = read_modules()


def under(name: str, *prefixes: str) -> bool:
    """Whether a dotted name is one of the prefixes or inside one of them."""
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def in_folder(module: Module, *folders: str) -> bool:
    return any(module.path.startswith(folder + "/") for folder in folders)


def test_the_modules_are_found():
    paths = {m.path for m in MODULES}
    assert {"text/offsets.py", "models/core.py", "review/workflow.py", "review/views.py", "web/forms.py"} <= paths


@pytest.mark.parametrize("module", [m for m in MODULES if in_folder(m, "text", "suggestions/rules")],
                         ids=lambda m: m.path)
def test_text_and_the_suggestion_rules_know_nothing_of_the_web_or_the_database(module):
    for name in module.targets():
        assert not under(name, *WEB_AND_DATABASE), f"{module.path} imports {name}"
        if under(name, "annotate"):
            assert under(name, "annotate.text", "annotate.errors", "annotate.suggestions.rules"), \
                f"{module.path} imports {name}"


@pytest.mark.parametrize("module", [m for m in MODULES if in_folder(m, "models")], ids=lambda m: m.path)
def test_the_models_import_only_the_extensions_and_each_other(module):
    for name in module.targets():
        if under(name, "annotate"):
            assert under(name, "annotate.extensions", "annotate.models"), f"{module.path} imports {name}"


@pytest.mark.parametrize("module", [m for m in MODULES if not m.is_view_layer], ids=lambda m: m.path)
def test_no_domain_module_imports_views_fragments_the_web_helpers_or_the_api(module):
    for name in module.targets():
        parts = name.split(".")
        upward = under(name, "annotate.web.responses", "annotate.web.templating", "annotate.web.errors",
                       "annotate.api") or (under(name, "annotate") and set(parts[2:3]) & set(VIEW_LAYER_NAMES))
        assert not upward, f"{module.path} imports {name}"


@pytest.mark.parametrize("module", [m for m in MODULES if not m.is_view_layer], ids=lambda m: m.path)
def test_only_the_web_layer_handles_the_request(module):
    allowed = REQUEST_ALLOWED.get(module.path, set())
    for source, names in module.imports:
        request_bound = names & REQUEST_NAMES.get(source, set())
        assert not request_bound - allowed, f"{module.path} imports {request_bound} from {source}"


def test_the_exceptions_are_still_needed():
    """An allowance that no module uses any more is removed, so the list stays the list of real exceptions."""
    for path, names in REQUEST_ALLOWED.items():
        module = next(m for m in MODULES if m.path == path)
        used = set().union(*(n for source, n in module.imports if source in REQUEST_NAMES))
        assert names <= used, path
