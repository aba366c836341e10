"""Repeat a locked package's pin with an extra, so pip 23.2 installs the lock file.

A fresh Python 3.11 venv ships pip 23.2, whose resolver treats a dependency's
request for ``lxml[html_clean]`` (from justext) as a requirement of its own. In
--require-hashes mode it then wants that requirement pinned too, and picks the
newest lxml from the index instead of the locked one ("all requirements must
have their versions pinned with =="). pip-compile writes one line per package,
so after it runs this script appends ``lxml[html_clean]==<locked version>``
with the same hashes. Newer pips accept the file as it is.

Usage: python scripts/pin-extras.py requirements.txt 'lxml[html_clean]' ...
"""

import re
import sys


def locked_block(text: str, name: str) -> tuple[str, str]:
    """The pin line of ``name`` with its hash lines, and the locked version."""
    match = re.search(rf"^{re.escape(name)}==(\S+) \\\n(?:    --hash=\S+ \\\n)*    --hash=\S+\n",
                      text, flags=re.MULTILINE | re.IGNORECASE)
    if match is None:
        sys.exit(f"{name} is not pinned with hashes in the lock file")
    return match.group(0), match.group(1)


def pin_extras(text: str, requirement: str) -> str:
    name = requirement.split("[", 1)[0]
    block, version = locked_block(text, name)
    extra_block = requirement + block[len(name):]
    note = "    # via the pin above; repeated with its extra for pip 23.2 (scripts/pin-extras.py)\n"
    if extra_block in text:
        return text
    return text.rstrip("\n") + "\n" + extra_block + note


def main(path: str, *requirements: str) -> None:
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    for requirement in requirements:
        text = pin_extras(text, requirement)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


if __name__ == "__main__":
    main(*sys.argv[1:])
