"""Outside check of the attribution rules on PolNeAR, a corpus of published political news labelled by hand by others.

PolNeAR (Newell, Margolin and Ruths, LREC 2018; github.com/networkdynamics/PolNeAR) marks, in 1,028 articles from 7 US
publishers, every attribution's source, cue and content. Its repository carries no licence, so nothing of it is
committed here: fetch it yourself and point this script at it (a clone, or a bare git directory).

Its scheme is broader than ours (thoughts, intentions and actions count as attributions, and a source is the mention in
the sentence, "he" included, not the fullest name in the article), so the script counts only what both schemes call
reported speech: attributions whose cue starts with a reporting word (said, told, telling, according, ...) and whose
cue and source lie in one body sentence. It prints
- recall: the share of those sentences to which the rules give a source;
- named-source agreement: when the rules give one and PolNeAR's source is a name (capitalised, not a pronoun), the
  share where the two agree (PolNeAR's last word inside ours, or ours inside PolNeAR's);
- false reports: body sentences with no PolNeAR attribution of any kind that the rules give a source.
Use the train split to look for what the rules miss (--show said,told); keep dev and test for checks.

    python bench/check_polnear.py /path/to/PolNeAR --split train
    python bench/check_polnear.py /path/to/PolNeAR --split test --show said
"""
import argparse
import collections
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotate.suggestions.rules import analyse  # noqa: E402
from annotate.text.segment import segment  # noqa: E402

REPORTING = frozenset("""said says say told tells telling saying added adds wrote writes tweeted according announced
announces stated states explained explains noted notes argued argues insisted insists warned warns claimed claims
asked asks described reported responded replied testified admitted acknowledged confirmed denied denies suggested
suggests urged accused recalled stressed pointed""".split())
PRONOUNS = frozenset("he she they it we i you his her their its".split())


class Corpus:
    """PolNeAR's files, from a work tree or from a bare git directory (read with git show)."""

    def __init__(self, path: Path):
        self.path, self.bare = path, not (path / "data").is_dir()

    def names(self, folder: str) -> list[str]:
        if not self.bare:
            return sorted(str(p.relative_to(self.path)) for p in (self.path / folder).iterdir())
        listed = subprocess.run(["git", "-C", str(self.path), "ls-tree", "-r", "--name-only", "HEAD", folder],
                                capture_output=True, text=True, check=True)
        return listed.stdout.split()

    def read(self, name: str) -> str:
        if not self.bare:
            file = self.path / name
            return file.read_text(encoding="utf-8") if file.exists() else ""
        shown = subprocess.run(["git", "-C", str(self.path), "show", f"HEAD:{name}"], capture_output=True, text=True)
        return shown.stdout if shown.returncode == 0 else ""


def standoff(ann: str) -> tuple[dict, list[dict]]:
    """The text-bound spans (id -> kind, ranges, surface) and the attribution events (role -> span id)."""
    spans, events = {}, []
    for line in ann.splitlines():
        bits = line.split("\t")
        if line.startswith("T") and len(bits) == 3:
            kind, _, ranges = bits[1].partition(" ")
            spans[bits[0]] = (kind, [tuple(map(int, r.split())) for r in ranges.split(";")], bits[2])
        elif line.startswith("E") and len(bits) >= 2:
            events.append(dict(part.split(":", 1) for part in bits[1].split()))
    return spans, events


def unit_at(units: list, offset: int) -> int | None:
    return next((i for i, u in enumerate(units) if u.start <= offset < u.end), None)


def check(corpus: Corpus, split: str, show: set[str]) -> None:
    tally, missed_by_cue, total_by_cue = collections.Counter(), collections.Counter(), collections.Counter()
    examples = collections.defaultdict(list)
    seen = set()
    for name in corpus.names(f"data/{split}/attributions"):
        stem = name.rsplit("/", 1)[1].removesuffix(".ann").rsplit("_", 1)[0]  # <article>_<annotator>.ann
        text = corpus.read(f"data/{split}/text/{stem}.txt") if stem not in seen else ""
        if not text:
            continue  # an article labelled twice counts once, by its first annotator
        seen.add(stem)
        tally["articles"] += 1
        spans, events = standoff(corpus.read(name))
        units = segment(text)
        got = {s.sentence_index: s for s in analyse(text, units)}
        touched = {i for kind, ranges, _ in spans.values() if kind in {"Cue", "Source", "Content"}
                   for a, b in ranges for i, u in enumerate(units) if u.start < b and a < u.end}
        for i, u in enumerate(units):
            if u.kind == "body" and i not in touched:
                tally["quiet"] += 1
                tally["false reports"] += bool(got.get(i) and got[i].attribution.source)
        for event in events:
            if not {"Cue", "Source", "Content"} <= event.keys():
                continue
            cue, source = spans[event["Cue"]], spans[event["Source"]]
            index = unit_at(units, cue[1][0][0])
            if index is None or units[index].kind != "body" or unit_at(units, source[1][0][0]) != index:
                continue
            word = re.sub(r"[^a-z]", "", (cue[2].lower().split() or [""])[0])
            if word not in REPORTING:
                continue
            total_by_cue[word] += 1
            ours = got[index].attribution.source if index in got else None
            if not ours:
                missed_by_cue[word] += 1
                examples[word].append(text[units[index].start:units[index].end])
                continue
            theirs = source[2].strip()
            if theirs.lower() in PRONOUNS or not theirs[:1].isupper():
                continue
            tally["named"] += 1
            last = theirs.split()[-1].strip(".,’'s").lower()
            tally["agree"] += last in ours.lower() or ours.lower() in theirs.lower()
    reported = sum(total_by_cue.values())
    print(f"PolNeAR {split}: {tally['articles']} articles, {reported} reported-speech attributions with their cue and "
          f"source in one body sentence")
    print(f"  recall (a source given)      {1 - sum(missed_by_cue.values()) / max(reported, 1):.3f} "
          f"({reported - sum(missed_by_cue.values())} of {reported})")
    print(f"  named-source agreement       {tally['agree'] / max(tally['named'], 1):.3f} "
          f"({tally['agree']} of {tally['named']})")
    print(f"  false reports                {tally['false reports'] / max(tally['quiet'], 1):.3f} "
          f"({tally['false reports']} of {tally['quiet']} sentences with no attribution)")
    print("  missed, by cue: " + ", ".join(f"{w} {missed_by_cue[w]}/{total_by_cue[w]}"
                                           for w, _ in missed_by_cue.most_common(12)))
    for word in sorted(show):
        print(f"\n== missed with '{word}'")
        for sentence in examples[word]:
            print("  -", sentence[:240])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="PolNeAR: a clone or a bare git directory")
    parser.add_argument("--split", default="train", choices=["train", "dev", "test"])
    parser.add_argument("--show", default="", help="comma-separated cue words whose missed sentences to list")
    arguments = parser.parse_args()
    check(Corpus(arguments.path), arguments.split, {w for w in arguments.show.split(",") if w})


if __name__ == "__main__":
    main()
