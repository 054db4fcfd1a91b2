"""Train the ranker on reviewers' verdicts (a development tool; scikit-learn comes with the
project's ``test`` extra).

    python -m quizgen.train_ranker dump PASSAGE... -o DIR   # every item quizgen can make
    python -m quizgen.train_ranker record ROUND DIR REVIEW.json... # keep the verdicts
    python -m quizgen.train_ranker train [--rounds r1,r2,r3] # fit, cross-validate, ship

``dump`` overgenerates: every item of every kind the generator can make of each passage, not
only those selection would keep today, written as quiz files (``DIR/NAME.quiz.yaml``) that the
blind panel's packet tool reads. Reviewers judge them with the panel's brief. ``record`` copies
the quiz files and the verdicts into ``quizgen/items/labels/`` (the passage, every item, each
reviewer's verdict and the item's features as they were), so the model can be retrained from
the repository alone whenever the features change. ``train`` fits a logistic regression on the
features, cross-validated by passage (no passage in both a training and a test fold), picks the
threshold, and writes ``quizgen/items/data/ranker.json``, saying which rounds it learned from:
a round of items judged as selected (r3 on) is kept for later models, and a model is shipped
only when it is better on cross-validation than the one before.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from quizgen.items import ranker

LABELS = Path(__file__).resolve().parent / "items" / "labels"
VERDICTS = LABELS / "verdicts.jsonl"
TARGET_PRECISION = 0.8


def overgenerate(passage, nlp, seed: int = 7):
    """Every item the generator can make of a passage, each kind from its whole pool."""
    from quizgen import pipeline
    from quizgen.items import select, skills, variants
    from quizgen.quiz.model import Kind, Quiz, Skill

    config = pipeline.Config(seed=seed, count=10_000)
    docs = pipeline.parse(nlp, passage)
    analysis = pipeline.analyze(docs)
    facts = pipeline.extract_facts(analysis, passage)
    candidates = list(pipeline.ask(analysis, facts))
    entries = [
        select.Entry(select.score(c), c, analysis, seed) for c in candidates if select.sound(c)
    ]
    entries.sort(key=lambda e: (-e.score, e.candidate.paragraph, e.candidate.sentence.start))
    blanks = sorted(
        variants.sentence_blanks(analysis, passage.paragraphs),
        key=lambda b: (-b.score, b.paragraph, b.sentence.start, b.prompt),
    )
    made = []
    for name, pool in (
        ("question", None),
        ("true_false", select.fact_entries(facts, entries)),
        ("sentence_blank", blanks),
        ("fill_blank", None),
    ):
        builder = select.Builder(entries, analysis, passage, config, parse=nlp, ranked=False)
        builder.relaxed = True
        made += builder.take(10_000, getattr(builder, name), pool)
    pairs = variants.matching(facts.roles, [e.candidate for e in entries])
    if pairs is not None:
        made.append(
            select.Item(
                id="",
                kind=Kind.MATCHING,
                prompt=pairs.prompt,
                pairs=tuple(pairs.pairs),
                evidence=select.evidence_of(pairs.evidence[0]),
                pair_evidence=tuple(select.evidence_of(e) for e in pairs.evidence),
                rule=pairs.rule,
            )
        )
    # the items of the skills beyond detail: ordering, vocabulary, and a Part B for every
    # question that can have one
    made += select.skill_items(
        facts, analysis, passage, config, set(Skill), random.Random(f"{seed}:skills")
    )
    seen, items = set(), []
    for item in made:
        if item.prompt not in seen:
            seen.add(item.prompt)
            items.append(replace(item, id=f"q{len(items) + 1}", skill=item.skill or Skill.DETAIL))
    sentences = skills.passage_sentences(analysis, passage.paragraphs)
    for part_a in list(items):
        if part_a.kind in (Kind.MULTIPLE_CHOICE, Kind.SHORT_ANSWER) and part_a.skill in (
            Skill.DETAIL,
            Skill.CAUSE,
        ):
            part_b = skills.part_b(part_a, sentences)
            if part_b is not None:
                items.append(
                    replace(
                        part_b,
                        id=f"q{len(items) + 1}",
                        refers_to=part_a.id,
                        prompt=skills.part_b_prompt(part_a) or part_b.prompt,
                    )
                )
    return Quiz(
        title=passage.title,
        passage=passage.paragraphs,
        items=tuple(items),
        source=pipeline.source_of(passage),
    )


def dump(paths: list[Path], out: Path) -> None:
    from quizgen.quiz import quizfile
    from quizgen.read import reader
    from quizgen.text import nlp as nlp_module

    nlp = nlp_module.load()
    out.mkdir(parents=True, exist_ok=True)
    for path in paths:
        quiz = overgenerate(reader.read(path), nlp)
        (out / f"{path.stem}.quiz.yaml").write_text(quizfile.dump(quiz), encoding="utf-8")
        print(f"{path.stem}: {len(quiz.items)} items", file=sys.stderr)


def _quiz(path: Path):
    from quizgen.quiz import quizfile

    return quizfile.load(path)


def record(round_: str, folder: Path, reviews: list[Path]) -> None:
    """Keep the judged quiz files (in labels/ROUND/: each round of judging has its own, as the
    generator changed between them) and every verdict, with the item's features, in labels/."""
    (LABELS / round_).mkdir(parents=True, exist_ok=True)
    verdicts: dict[str, list[dict]] = defaultdict(list)
    for review in reviews:
        for v in json.loads(review.read_text(encoding="utf-8")):
            verdicts[v["item"]].append(
                {
                    "reviewer": review.stem,
                    "acceptable": bool(v.get("acceptable")),
                    "key_correct": bool(v.get("key_correct", True)),
                    "flags": sorted(v.get("flags") or []),
                    "comment": str(v.get("comment") or ""),
                    "options": [
                        {
                            "option": str(d.get("option", "")),
                            "plausible": bool(d.get("plausible")),
                            "wrong": bool(d.get("wrong", True)),
                        }
                        for d in v.get("distractors") or []
                    ],
                }
            )
    rows = []
    for path in sorted(folder.glob("*.quiz.yaml")):
        name = path.name.split(".")[0]
        mine = {k: v for k, v in verdicts.items() if k.split(":")[0] == name}
        if not mine:
            continue
        (LABELS / round_ / path.name).write_bytes(path.read_bytes())
        quiz = _quiz(path)
        ctx = ranker.context(quiz.title, quiz.passage)
        for item in quiz.items:
            ref = f"{name}:{item.id}"
            if ref in mine:
                feats = ranker.features(item, ctx)
                rows.append(
                    {"round": round_, "item": ref, "verdicts": mine[ref], "features": feats}
                )
    old = []
    if VERDICTS.is_file():
        keep = {(r["round"], r["item"]) for r in rows}
        old = [
            r
            for r in map(json.loads, VERDICTS.read_text(encoding="utf-8").splitlines())
            if (r["round"], r["item"]) not in keep
        ]
    kept = sorted(old + rows, key=lambda r: (r["round"], r["item"]))
    lines = [json.dumps(r, sort_keys=True) for r in kept]
    VERDICTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} items recorded, {len(kept)} in all", file=sys.stderr)


def labelled(rounds: set[str] | None = None) -> tuple[list[dict], list[int], list[str]]:
    """Features recomputed from the kept quiz files, the majority verdict, the passage (of the
    given rounds of judging, or of all)."""
    quizzes: dict[str, tuple] = {}
    X, y, groups = [], [], []
    for line in VERDICTS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if rounds is not None and row["round"] not in rounds:
            continue
        name, item_id = row["item"].split(":")
        where = (row["round"], name)
        if where not in quizzes:
            quiz = _quiz(LABELS / row["round"] / f"{name}.quiz.yaml")
            quizzes[where] = (quiz, ranker.context(quiz.title, quiz.passage))
        quiz, ctx = quizzes[where]
        item = next(i for i in quiz.items if i.id == item_id)
        votes = row["verdicts"]
        good = sum(v["acceptable"] and v["key_correct"] for v in votes)
        X.append(ranker.features(item, ctx))
        y.append(int(good * 2 > len(votes)))
        groups.append(name)
    return X, y, groups


def fit_by_passage(
    X: list[dict], y: list[int], groups: list[str], *, c: float, folds: int, max_iter: int
):
    """A logistic regression over named features: each row's score cross-validated by
    passage (no passage in both a training and a test fold), the model fitted on every row,
    and its weights by feature name (those that count)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    vec = DictVectorizer(sparse=False)
    matrix = vec.fit_transform(X)
    scores = [0.0] * len(y)
    for train_rows, test_rows in GroupKFold(n_splits=folds).split(matrix, y, groups):
        model = LogisticRegression(C=c, max_iter=max_iter)
        model.fit(matrix[train_rows], [y[i] for i in train_rows])
        for i, p in zip(test_rows, model.predict_proba(matrix[test_rows])[:, 1], strict=True):
            scores[i] = float(p)
    model = LogisticRegression(C=c, max_iter=max_iter).fit(matrix, y)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= 1e-4
    }
    return scores, model, weights


def train(c: float = 0.5, rounds: list[str] | None = None) -> dict:
    """Fit, cross-validate by passage, choose the threshold, write the model (on the given
    rounds of judging, or all of them)."""
    from sklearn.metrics import roc_auc_score

    X, y, groups = labelled(set(rounds) if rounds else None)
    scores, model, weights = fit_by_passage(X, y, groups, c=c, folds=5, max_iter=2000)
    table = []
    for t in [x / 100 for x in range(20, 90, 2)]:
        kept = [i for i, s in enumerate(scores) if s >= t]
        if kept:
            precision = sum(y[i] for i in kept) / len(kept)
            table.append((t, precision, len(kept) / len(y)))
    reach = [row for row in table if row[1] >= TARGET_PRECISION and row[2] >= 0.2]
    threshold, precision, share = (
        reach[0] if reach else max(table, key=lambda r: r[1] * min(1.0, r[2] / 0.3))
    )
    report = {
        "rounds": sorted(rounds) if rounds else "all",
        "labelled_items": len(y),
        "passages": len(set(groups)),
        "acceptable_share": round(sum(y) / len(y), 3),
        "cv_auc": round(roc_auc_score(y, scores), 3),
        "threshold": threshold,
        "cv_precision_at_threshold": round(precision, 3),
        "cv_share_kept": round(share, 3),
    }
    data = {
        "about": "logistic model of reviewers' verdicts; python -m quizgen.train_ranker",
        "report": report,
        "bias": round(float(model.intercept_[0]), 4),
        "threshold": threshold,
        "weights": dict(sorted(weights.items())),
    }
    ranker.MODEL.parent.mkdir(parents=True, exist_ok=True)
    ranker.MODEL.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    for t, p, s in table:
        print(f"  threshold {t:.2f}: precision {p:.3f}, kept {s:.1%}", file=sys.stderr)
    print(json.dumps(report, indent=2))
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quizgen.train_ranker")
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="every item quizgen can make, as quiz files")
    d.add_argument("passages", nargs="+", type=Path)
    d.add_argument("-o", "--out", type=Path, required=True)
    r = sub.add_parser("record", help="keep judged quiz files and verdicts in labels/")
    r.add_argument("round", help="a name for this round of judging, e.g. r2")
    r.add_argument("folder", type=Path)
    r.add_argument("reviews", nargs="+", type=Path)
    t = sub.add_parser("train", help="fit, cross-validate by passage, write the model")
    t.add_argument("-C", type=float, default=0.5, help="inverse regularization strength")
    t.add_argument(
        "--rounds", help="the rounds of judging to learn from, e.g. r1,r2,r3 (default: all)"
    )
    args = parser.parse_args(argv)
    if args.command == "dump":
        dump(args.passages, args.out)
    elif args.command == "record":
        record(args.round, args.folder, args.reviews)
    else:
        train(args.C, args.rounds.split(",") if args.rounds else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
