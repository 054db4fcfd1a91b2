"""Train the model of answers worth asking (a development tool; it needs scikit-learn).

    python -m quizgen.train_worthiness [PASSAGE_DIR]     # fit, cross-validate, ship

The passages of PASSAGE_DIR (by default ``../shared/passages`` beside the project; its
subfolders are not read) that carry human questions (``NAME.squad.yaml``: questions with their
answer spans) are the examples. Of each, every candidate answer span is described: the noun
chunks and named entities of its sentences and every key quizgen can make of it. A span is worth
asking when it overlaps a human answer of the passage (token F1 of at least 0.5). A logistic
regression is fitted on the descriptions, cross-validated by passage (no passage in both a
training and a test fold), and written with the table of how common words are (in how many of
the directory's passages each word occurs) to ``quizgen/items/data/worthiness.json``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from quizgen.items import quality, worthiness

PASSAGES = Path(__file__).resolve().parent.parent.parent / "shared" / "passages"


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", str(text).lower().replace("the ", " "))


def f1(one: str, other: str) -> float:
    """Token F1 of two answers, the way SQuAD answers are compared."""
    a, b = _tokens(one), _tokens(other)
    if not a or not b:
        return 0.0
    common = sum(min(a.count(w), b.count(w)) for w in set(a))
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def common_table(texts: dict[str, str]) -> dict[str, dict[str, int]]:
    """word -> in how many passages it occurs; also per passage, the table without it."""
    present = {name: set(quality.words(text)) for name, text in texts.items()}
    table: dict[str, int] = {}
    for words in present.values():
        for w in words:
            table[w] = table.get(w, 0) + 1
    out = {"": table}
    for name, words in present.items():
        out[name] = {w: n - (w in words) for w, n in table.items() if n - (w in words) > 0}
    return out


def candidates(passage, nlp) -> list[tuple[str, str, int, str]]:
    """(span, sentence, paragraph, source) of every candidate answer of the passage."""
    from quizgen.train_ranker import overgenerate

    seen: set[tuple[str, str]] = set()
    out = []

    def add(span: str, sentence: str, paragraph: int, source: str) -> None:
        span, sentence = span.strip(), sentence.strip()
        if span and sentence and (span, sentence) not in seen:
            seen.add((span, sentence))
            out.append((span, sentence, paragraph, source))

    for item in overgenerate(passage, nlp).items:
        if isinstance(item.answer, str) and item.answer and item.evidence:
            add(item.answer, item.evidence.sentence, item.evidence.paragraph, "key")
    for number, paragraph in enumerate(passage.paragraphs, 1):
        doc = nlp(paragraph)
        for chunk in doc.noun_chunks:
            if chunk.root.pos_ != "PRON":
                add(chunk.text, chunk.sent.text, number, "chunk")
        for ent in doc.ents:
            add(ent.text, ent.sent.text, number, "entity")
    return out


def examples(folder: Path):
    """Descriptions, labels, passages and sources of every candidate span."""
    import yaml

    from quizgen.read import reader
    from quizgen.text import nlp as nlp_module

    nlp = nlp_module.load()
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    tables = common_table(texts)
    X, y, groups, sources = [], [], [], []
    for squad in sorted(folder.glob("*.squad.yaml")):
        name = squad.name[: -len(".squad.yaml")]
        gold = [
            a
            for q in yaml.safe_load(squad.read_text(encoding="utf-8"))["questions"]
            for a in q["answers"]
        ]
        passage = reader.read(folder / f"{name}.txt")
        where = worthiness.setting(passage.title, passage.paragraphs)
        spans = candidates(passage, nlp)
        for span, sentence, paragraph, source in spans:
            X.append(worthiness.features(span, sentence, paragraph, where, tables[name]))
            y.append(int(any(f1(span, g) >= 0.5 for g in gold)))
            groups.append(name)
            sources.append(source)
        print(f"{name}: {len(spans)} spans", file=sys.stderr)
    return X, y, groups, sources, tables[""]


def train(folder: Path = PASSAGES, c: float = 0.5) -> dict:
    from sklearn.metrics import roc_auc_score

    from quizgen.train_ranker import fit_by_passage

    X, y, groups, sources, table = examples(folder)
    folds = len(set(groups))
    scores, model, weights = fit_by_passage(X, y, groups, c=c, folds=folds, max_iter=5000)
    keys = [i for i, s in enumerate(sources) if s == "key"]
    report = {
        "spans": len(y),
        "passages": len(set(groups)),
        "worth_asking_share": round(sum(y) / len(y), 3),
        "cv_auc": round(roc_auc_score(y, scores), 3),
        "keys": len(keys),
        "keys_worth_asking_share": round(sum(y[i] for i in keys) / max(1, len(keys)), 3),
        "cv_auc_on_keys": round(roc_auc_score([y[i] for i in keys], [scores[i] for i in keys]), 3),
    }
    data = {
        "about": "logistic model of the spans people ask about; python -m quizgen.train_worthiness",
        "report": report,
        "bias": round(float(model.intercept_[0]), 4),
        "weights": dict(sorted(weights.items())),
        "common": dict(sorted((w, n) for w, n in table.items() if n >= 2)),
    }
    worthiness.MODEL.parent.mkdir(parents=True, exist_ok=True)
    worthiness.MODEL.write_text(json.dumps(data, indent=0) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quizgen.train_worthiness")
    parser.add_argument("folder", nargs="?", type=Path, default=PASSAGES)
    parser.add_argument("-C", type=float, default=0.5, help="inverse regularization strength")
    args = parser.parse_args(argv)
    train(args.folder, args.C)
    return 0


if __name__ == "__main__":
    sys.exit(main())
