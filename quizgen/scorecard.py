"""Scorecard: the quality figures of the quizzes quizgen makes, passage by passage.

    python -m quizgen.scorecard                         # the passages beside the project
    python -m quizgen.scorecard story.txt notes/        # passages or folders of your own
    python -m quizgen.scorecard --json                  # the figures as JSON
    python -m quizgen.scorecard --write-ratchet tests/ratchet.json

Per passage: words, items, items per 1,000 words, the mix of kinds and, where the independent
checker `quizcheck.py` is found (``--quizcheck``, by default ``../shared/tools/quizcheck.py``
beside the project), its contract errors and item-writing faults. Per group of passages (a
folder), the totals. Like the speed benchmark, it measures and reports: the tests hold these
figures only at a level the code has reached (the ratchet file), for the passages named in it,
so a growing corpus never fails the tests by itself; ``--write-ratchet`` only tightens them.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
QUIZCHECK = SHARED / "tools" / "quizcheck.py"
SLACK = 0.01  # a ratchet written from today's figures leaves this much room for noise


@dataclass(slots=True)
class Score:
    """The figures of one passage's quiz."""

    name: str
    group: str
    words: int
    items: int
    kinds: Counter = field(default_factory=Counter)
    faulty: int | None = None  # items quizcheck flags; None when quizcheck was not run
    errors: int | None = None  # contract errors quizcheck finds
    faults: Counter = field(default_factory=Counter)
    failure: str | None = None  # why no quiz was made

    @property
    def per_thousand(self) -> float:
        return 1000 * self.items / self.words if self.words else 0.0


def load_quizcheck(path: Path = QUIZCHECK) -> ModuleType | None:
    """The independent checker, if it is there."""
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("quizcheck", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def default_groups() -> dict[str, list[Path]]:
    """The seed and the shared passages, by folder: the work passages and the check passages."""
    groups = {"seed": sorted((ROOT / "seeds").glob("*.txt"))}
    for name, folder in (("work", SHARED / "passages"), ("check", SHARED / "passages" / "check")):
        if folder.is_dir():
            groups[name] = sorted(folder.glob("*.txt"))
    return groups


def groups_of(paths: list[str]) -> dict[str, list[Path]]:
    """Passages named on the command line, grouped by folder."""
    groups: dict[str, list[Path]] = {}
    for raw in paths:
        path = Path(raw)
        files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
        groups.setdefault(path.name if path.is_dir() else path.parent.name, []).extend(files)
    return groups


def score(path: Path, group: str, quiz, quizcheck: ModuleType | None, folder: Path) -> Score:
    """The figures of one quiz, checked by quizcheck when it is there."""
    from quizgen.quiz import quizfile

    result = Score(path.stem, group, quiz.words, len(quiz.items))
    result.kinds.update(item.kind.value for item in quiz.items)
    if quizcheck is not None:
        out = folder / f"{path.stem}.quiz.yaml"
        out.write_text(quizfile.dump(quiz), encoding="utf-8")
        report = quizcheck.check_file(out)
        result.errors = len(report.errors)
        result.faulty = quizcheck.summarize([report])["faulty_items"]
        result.faults.update(report.faults)
    return result


def measure(groups: dict[str, list[Path]], quizcheck: ModuleType | None) -> list[Score]:
    """Make a quiz of every passage, with one pipeline loaded once."""
    from quizgen import pipeline
    from quizgen.base.errors import QuizgenError
    from quizgen.read import reader
    from quizgen.text import nlp

    model = nlp.load()
    scores = []
    with tempfile.TemporaryDirectory() as tmp:
        for group, paths in groups.items():
            for path in paths:
                try:
                    passage = reader.read(path)
                    quiz = pipeline.generate(passage, nlp=model)
                except QuizgenError as error:
                    scores.append(Score(path.stem, group, 0, 0, failure=str(error)))
                    continue
                scores.append(score(path, group, quiz, quizcheck, Path(tmp)))
    return scores


def totals(scores: list[Score]) -> dict:
    """The figures of a group of quizzes together."""
    words = sum(s.words for s in scores)
    items = sum(s.items for s in scores)
    checked = [s for s in scores if s.faulty is not None]
    kinds: Counter = Counter()
    faults: Counter = Counter()
    for s in scores:
        kinds.update(s.kinds)
        faults.update(s.faults)
    long = [s.per_thousand for s in scores if s.words >= 500]
    return {
        "passages": len(scores),
        "failed": sum(s.failure is not None for s in scores),
        "words": words,
        "items": items,
        "items_per_1000_words": round(1000 * items / words, 1) if words else 0.0,
        "fewest_per_1000_words_of_500_or_more": round(min(long), 1) if long else None,
        "kinds": dict(sorted(kinds.items())),
        "contract_errors": sum(s.errors or 0 for s in checked) if checked else None,
        "fault_rate": (
            round(sum(s.faulty or 0 for s in checked) / max(1, sum(s.items for s in checked)), 3)
            if checked
            else None
        ),
        "faults": dict(faults.most_common()),
    }


def report(scores: list[Score]) -> str:
    """The scorecard as text: a line per passage, then each group's totals."""
    lines = []
    for group in dict.fromkeys(s.group for s in scores):
        members = [s for s in scores if s.group == group]
        lines.append(f"\n{group} ({len(members)} passages)")
        lines.append(f"  {'passage':52} {'words':>6} {'items':>5} {'/1000':>6} {'faulty':>6}")
        for s in members:
            if s.failure:
                lines.append(f"  {s.name[:52]:52} no quiz: {s.failure}")
                continue
            faulty = "" if s.faulty is None else str(s.faulty)
            lines.append(
                f"  {s.name[:52]:52} {s.words:6} {s.items:5} {s.per_thousand:6.1f} {faulty:>6}"
            )
        t = totals(members)
        lines.append(
            f"  total: {t['items']} items on {t['words']:,} words, "
            f"{t['items_per_1000_words']} per 1,000 (fewest on 500+ words: "
            f"{t['fewest_per_1000_words_of_500_or_more']}); kinds {t['kinds']}"
        )
        if t["fault_rate"] is not None:
            top = ", ".join(f"{k} {v}" for k, v in list(t["faults"].items())[:8])
            lines.append(
                f"  quizcheck: {t['contract_errors']} contract errors, "
                f"fault rate {t['fault_rate']:.1%} ({top or 'no faults'})"
            )
    if not any(s.faulty is not None for s in scores):
        lines.append("\n(quizcheck.py not found: faults not counted; see --quizcheck)")
    return "\n".join(lines).lstrip("\n")


def ratchet(scores: list[Score], old: dict | None = None, *, loosen: bool = False) -> dict:
    """The fault rates the tests hold, per group: today's, with a little room for noise, and
    never looser than the file already says unless ``loosen``; with the passages they cover."""
    out = {}
    for group in dict.fromkeys(s.group for s in scores):
        members = [s for s in scores if s.group == group and not s.failure]
        rate = totals(members)["fault_rate"]
        if rate is None:
            continue
        level = round(rate + SLACK, 3)
        before = (old or {}).get(group, {}).get("max_fault_rate")
        if before is not None and not loosen:
            level = min(level, before)
        out[group] = {"passages": sorted(s.name for s in members), "max_fault_rate": level}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m quizgen.scorecard", description=__doc__.split("\n")[0]
    )
    parser.add_argument("passages", nargs="*", help="passages or folders (default: shared ones)")
    parser.add_argument("--quizcheck", type=Path, default=QUIZCHECK, help="path to quizcheck.py")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--write-ratchet", type=Path, help="tighten the levels in this file")
    parser.add_argument(
        "--loosen", action="store_true", help="with --write-ratchet: let a level go up"
    )
    args = parser.parse_args(argv)
    groups = groups_of(args.passages) if args.passages else default_groups()
    quizcheck = load_quizcheck(args.quizcheck)
    scores = measure(groups, quizcheck)
    if args.json:
        by_group = {g: [s for s in scores if s.group == g] for g in groups}
        print(json.dumps({g: totals(members) for g, members in by_group.items()}, indent=2))
    else:
        print(report(scores))
    if args.write_ratchet:
        path = args.write_ratchet
        old = json.loads(path.read_text("utf-8")) if path.is_file() else None
        path.write_text(
            json.dumps(ratchet(scores, old, loosen=args.loosen), indent=2) + "\n", "utf-8"
        )
        print(f"\nwrote {args.write_ratchet}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
