"""The quiz file (format ``quizgen/1``): Quiz <-> YAML, its JSON Schema, and its validation.

The JSON Schema below is the one definition of the contract: ``quizgen schema`` prints it,
each quiz file names it for YAML-aware editors, and :func:`validate` checks files against it
before the checks a schema cannot express (the key is one of the options, the evidence
sentence is in its paragraph, ...). Files are read with ``yaml.safe_load`` semantics only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from quizgen.base.errors import QuizgenError
from quizgen.base.folding import fold as _norm
from quizgen.quiz.model import BLANK, Difficulty, Evidence, Generator, Item, Kind, Quiz, Source

FORMAT = "quizgen/1"
SCHEMA_FILE = "quizgen-1.schema.json"
SCHEMA_COMMENT = f"# yaml-language-server: $schema={SCHEMA_FILE}\n"
# libyaml's safe loader and dumper when PyYAML has them (its wheels do): ten times faster
# than the pure-Python ones, and as strict (no Python tags)
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BYTES = 20_000_000  # a quiz file of a 20 MB passage; beyond that, refuse before parsing
TOP_KEYS = ("format", "title", "source", "generator", "word_bank", "passage", "items")
ITEM_KEYS = (
    "id",
    "kind",
    "prompt",
    "options",
    "answer",
    "accept",
    "pairs",
    "evidence",
    "pair_evidence",
    "difficulty",
    "rule",
    "points",
)

_TEXT = {"type": "string", "minLength": 1}
_EVIDENCE = {
    "type": "object",
    "required": ["paragraph", "sentence"],
    "properties": {
        "paragraph": {
            "type": "integer",
            "minimum": 1,
            "description": "paragraph of `passage`, counted from 1",
        },
        "sentence": {**_TEXT, "description": "the proving sentence, copied verbatim from it"},
    },
}


def _kind_rule(kind: Kind, required: list[str], answer: dict) -> dict:
    return {
        "if": {"properties": {"kind": {"const": kind.value}}, "required": ["kind"]},
        "then": {"required": required, "properties": {"answer": answer} if answer else {}},
    }


def json_schema() -> dict:
    """The JSON Schema (draft 2020-12) of a quiz file."""
    item = {
        "type": "object",
        "required": ["id", "kind", "prompt", "evidence"],
        "properties": {
            "id": {**_TEXT, "description": "unique within the quiz, e.g. q1"},
            "kind": {"enum": [k.value for k in Kind]},
            "prompt": {
                **_TEXT,
                "description": f"the question; a fill_blank marks its blank {BLANK}",
            },
            "options": {
                "type": "array",
                "items": _TEXT,
                "minItems": 2,
                "maxItems": 6,
                "description": "multiple_choice: the options, the answer among them",
            },
            "answer": {
                "type": ["string", "boolean", "number"],
                "description": "the key: text, or a boolean for true_false",
            },
            "accept": {
                "type": "array",
                "items": {"type": ["string", "number"]},
                "description": "other answers to mark right",
            },
            "pairs": {
                "type": "array",
                "minItems": 3,
                "items": {"type": "array", "items": _TEXT, "minItems": 2, "maxItems": 2},
                "description": "matching: [left, right] pairs",
            },
            "evidence": _EVIDENCE,
            "pair_evidence": {"type": "array", "items": _EVIDENCE},
            "difficulty": {"enum": [d.value for d in Difficulty]},
            "rule": {"type": "string", "description": "the question template that made it"},
            "points": {"type": "integer", "minimum": 0},
        },
        "allOf": [
            _kind_rule(Kind.MULTIPLE_CHOICE, ["options", "answer"], {"type": ["string", "number"]}),
            _kind_rule(Kind.SHORT_ANSWER, ["answer"], {"type": ["string", "number"]}),
            _kind_rule(Kind.FILL_BLANK, ["answer"], {"type": ["string", "number"]}),
            _kind_rule(Kind.TRUE_FALSE, ["answer"], {"type": "boolean"}),
            _kind_rule(Kind.MATCHING, ["pairs"], {}),
        ],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:quizgen:quiz:1",
        "title": "quizgen quiz file (format quizgen/1)",
        "type": "object",
        "required": ["format", "title", "passage", "items"],
        "properties": {
            "format": {"const": FORMAT},
            "title": _TEXT,
            "source": {
                "type": "object",
                "properties": {
                    "file": {"type": "string"},
                    "sha256": {"type": "string"},
                    "words": {"type": "integer", "minimum": 0},
                },
            },
            "generator": {
                "type": "object",
                "properties": {
                    "version": {"type": "string"},
                    "model": {"type": "string"},
                    "seed": {"type": "integer"},
                },
            },
            "word_bank": {
                "type": "array",
                "items": _TEXT,
                "description": "words of the passage a word bank prints beside the keys of the "
                "fill-in-the-blank items, as distractors (optional)",
            },
            "passage": {
                "type": "array",
                "minItems": 1,
                "items": {"type": "string"},
                "description": "the passage, one string per paragraph",
            },
            "items": {"type": "array", "minItems": 1, "items": item},
        },
    }


def schema_text() -> str:
    """The JSON Schema as the text of a .json file."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


# --- writing -------------------------------------------------------------------------------


def _item_data(item: Item) -> dict[str, Any]:
    data: dict[str, Any] = {"id": item.id, "kind": item.kind.value, "prompt": item.prompt}
    if item.kind is Kind.MULTIPLE_CHOICE:
        data["options"] = list(item.options)
    if item.kind is Kind.MATCHING:
        data["pairs"] = [list(p) for p in item.pairs]
    else:
        data["answer"] = item.answer
    if item.accept:
        data["accept"] = list(item.accept)
    if item.evidence:
        data["evidence"] = {
            "paragraph": item.evidence.paragraph,
            "sentence": item.evidence.sentence,
        }
    if item.pair_evidence:
        data["pair_evidence"] = [
            {"paragraph": e.paragraph, "sentence": e.sentence} for e in item.pair_evidence
        ]
    data["difficulty"] = item.difficulty.value
    if item.rule:
        data["rule"] = item.rule
    if item.points != 1:
        data["points"] = item.points
    return data


def to_data(quiz: Quiz) -> dict[str, Any]:
    """The quiz as plain data in the contract's key order."""
    data: dict[str, Any] = {"format": FORMAT, "title": quiz.title}
    if quiz.source:
        data["source"] = {
            "file": quiz.source.file,
            "sha256": quiz.source.sha256,
            "words": quiz.source.words,
        }
    if quiz.generator:
        data["generator"] = {
            "version": quiz.generator.version,
            "model": quiz.generator.model,
            "seed": quiz.generator.seed,
        }
    if quiz.word_bank:
        data["word_bank"] = list(quiz.word_bank)
    data.update(dict(quiz.extra))
    data["passage"] = list(quiz.passage)
    data["items"] = [_item_data(i) for i in quiz.items]
    return data


def dump(quiz: Quiz) -> str:
    """The quiz file's text: a schema comment for editors, then YAML."""
    try:
        body = yaml.dump(
            to_data(quiz),
            Dumper=SAFE_DUMPER,
            sort_keys=False,
            allow_unicode=True,
            width=2**31 - 1,
            default_flow_style=False,
        )
    except RecursionError:
        raise QuizgenError("the quiz's own extra keys nest too deeply to write") from None
    return SCHEMA_COMMENT + body


# --- reading and validating ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Problem:
    """One way a quiz file breaks the contract."""

    line: int  # 1-based; 0 when unknown
    item: str  # item id, or "" for the file as a whole
    message: str

    def __str__(self) -> str:
        where = [f"line {self.line}" if self.line else "", f"item {self.item}" if self.item else ""]
        prefix = ", ".join(w for w in where if w)
        text = f"{prefix}: {self.message}" if prefix else self.message
        return " ".join(text.split())  # one line, whatever an item id holds


def safe_load(text: str) -> Any:
    """yaml.safe_load, with libyaml's parser when there is one."""
    loader = SAFE_LOADER(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _safe_load(text: str) -> tuple[Any, yaml.Node | None]:
    """What yaml.safe_load makes of the text, and the node tree it was built from (for lines)."""
    loader = SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


def _parse(text: str, name: str) -> tuple[Any, yaml.Node | None]:
    """safe_load the text, and keep its node tree for line numbers."""
    try:
        data, node = _safe_load(text)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        line = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        if "tag" not in str(exc.problem):
            raise QuizgenError(f"{name}: not valid quiz data{line}: {exc.problem}") from None
        raise QuizgenError(
            f"{name}: refused{line}: {exc.problem} (quiz files may hold only "
            "plain YAML data; tags that build objects are not allowed)"
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise QuizgenError(f"{name}: not valid YAML{where}: {exc.problem or exc.context}") from None
    except yaml.reader.ReaderError as exc:
        raise QuizgenError(
            f"{name}: not valid YAML{_where(text, exc.position)}: "
            f"{_character(exc.character)} is not allowed in YAML"
        ) from None
    except yaml.YAMLError as exc:
        raise QuizgenError(f"{name}: not valid YAML: {' '.join(str(exc).split())}") from None
    except RecursionError:
        raise QuizgenError(f"{name}: the YAML nests too deeply to be a quiz file") from None
    return data, node


def _where(text: str, position: int) -> str:
    """' at line L, column C' of a character offset into the text."""
    line = text.count("\n", 0, position) + 1
    return f" at line {line}, column {position - text.rfind(chr(10), 0, position)}"


def _character(character: int | bytes | str) -> str:
    """A character as 'U+0000'."""
    code = character if isinstance(character, int) else ord(character)
    return f"the character U+{code:04X}"


def _node_at(node: yaml.Node | None, path: list) -> yaml.Node | None:
    """Follow a path of keys and indexes through a composed YAML node tree."""
    for step in path:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == step), None)
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value)
        ):
            node = node.value[step]
        else:
            return node
    return node


def _line(root: yaml.Node | None, path: list) -> int:
    node = _node_at(root, path)
    return node.start_mark.line + 1 if node is not None else 0


def _is_whole_number(_checker: object, value: object) -> bool:
    """JSON Schema's 'integer', without the floats it allows ('2.0' is no paragraph number)."""
    return isinstance(value, int) and not isinstance(value, bool)


@cache
def _validator():
    """A JSON Schema validator for the contract whose integers are Python ints only."""
    import jsonschema

    base = jsonschema.Draft202012Validator
    checker = base.TYPE_CHECKER.redefine("integer", _is_whole_number)
    return jsonschema.validators.extend(base, type_checker=checker)(json_schema())


def _schema_problems(data: Any, root: yaml.Node | None) -> list[Problem]:
    validator = _validator()
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        path = list(error.absolute_path)
        item = ""
        if len(path) >= 2 and path[0] == "items" and isinstance(path[1], int):
            raw = data["items"][path[1]]
            number = f"#{path[1] + 1}"
            item = str(raw.get("id", number)) if isinstance(raw, dict) else number
        key = (
            ".".join(str(p) for p in path[2:] if not isinstance(p, int))
            if item
            else ".".join(str(p) for p in path)
        )
        message = error.message
        if error.validator == "required":
            message = message.replace(" is a required property", " is missing")
        problems.append(Problem(_line(root, path), item, f"{key}: {message}" if key else message))
    return problems


def _item_problems(data: dict, root: yaml.Node | None) -> list[Problem]:
    """The checks a schema cannot express."""
    problems = []
    passage = data["passage"]
    seen: set[str] = set()
    for n, raw in enumerate(data["items"]):
        iid = str(raw["id"])

        def problem(message: str, *key: str, _n: int = n, _iid: str = iid) -> None:
            problems.append(Problem(_line(root, ["items", _n, *key]), _iid, message))

        if iid in seen:
            problem(f"id {iid!r} is used twice")
        seen.add(iid)
        kind = raw["kind"]
        evidence = [raw["evidence"], *raw.get("pair_evidence", [])]
        for ev in evidence:
            para = ev["paragraph"]
            if para > len(passage):
                problem(
                    f"evidence paragraph {para} is past the passage's {len(passage)} paragraphs",
                    "evidence",
                )
            elif _norm(ev["sentence"]) not in _norm(passage[para - 1]):
                problem(f"evidence sentence is not in paragraph {para}", "evidence")
        if kind == Kind.MULTIPLE_CHOICE:
            options = [_norm(o) for o in raw["options"]]
            hits = options.count(_norm(raw["answer"]))
            if hits != 1:
                problem(
                    "the answer must be exactly one of the options"
                    if hits == 0
                    else "the answer appears more than once among the options",
                    "answer",
                )
            if len(set(options)) != len(options):
                problem("two options are the same", "options")
        blanks = raw["prompt"].count(BLANK)
        if kind == Kind.FILL_BLANK and blanks != 1:  # every format puts the key in one blank
            problem(
                f"a fill_blank prompt needs its blank marked {BLANK}"
                if blanks == 0
                else f"a fill_blank prompt has one blank, {BLANK}; this one has {blanks}",
                "prompt",
            )
        if kind == Kind.MATCHING:
            for side in (0, 1):
                values = [_norm(p[side]) for p in raw["pairs"]]
                if len(set(values)) != len(values):
                    problem(
                        f"the {'left' if side == 0 else 'right'} side of the pairs repeats", "pairs"
                    )
    return problems


def check(text: str, name: str = "quiz file") -> tuple[Any, list[Problem]]:
    """Parse a quiz file's text and list every way it breaks the contract."""
    data, root = _parse(text, name)
    if not isinstance(data, dict):
        return data, [
            Problem(1, "", "the file must be a mapping with format, title, passage, items")
        ]
    try:
        problems = _schema_problems(data, root)
    except RecursionError:
        raise QuizgenError(f"{name}: the YAML nests too deeply to be a quiz file") from None
    if not problems:
        problems = _item_problems(data, root)
    return data, problems


def _read_text(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise QuizgenError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise QuizgenError(f"{path}: is a folder, not a quiz file") from None
    except OSError as exc:
        raise QuizgenError(f"{path}: cannot read: {exc.strerror}") from None
    if len(raw) > MAX_BYTES:
        raise QuizgenError(
            f"{path}: the file is larger than {MAX_BYTES // 1_000_000} MB, "
            "too large for a quiz file"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise QuizgenError(f"{path}: a quiz file must be UTF-8 text") from None


def validate(path: Path) -> list[Problem]:
    """Every way the quiz file at ``path`` breaks the contract (empty when it is valid)."""
    return check(_read_text(path), str(path))[1]


def _evidence(data: dict) -> Evidence:
    return Evidence(paragraph=data["paragraph"], sentence=data["sentence"])


def _item(data: dict) -> Item:
    kind = Kind(data["kind"])
    answer = data.get("answer", "")
    if kind is not Kind.TRUE_FALSE:
        answer = "" if answer is None else str(answer)
    return Item(
        id=str(data["id"]),
        kind=kind,
        prompt=data["prompt"],
        answer=answer,
        options=tuple(str(o) for o in data.get("options", ())),
        accept=tuple(str(a) for a in data.get("accept", ())),
        pairs=tuple((str(a), str(b)) for a, b in data.get("pairs", ())),
        evidence=_evidence(data["evidence"]),
        difficulty=Difficulty(data.get("difficulty", "medium")),
        rule=str(data.get("rule", "")),
        points=int(data.get("points", 1)),
        pair_evidence=tuple(_evidence(e) for e in data.get("pair_evidence", ())),
    )


def from_data(data: dict) -> Quiz:
    """Build a Quiz from data that has passed :func:`check`."""
    source = data.get("source") or {}
    generator = data.get("generator") or {}
    return Quiz(
        title=str(data["title"]),
        passage=tuple(data["passage"]),
        items=tuple(_item(i) for i in data["items"]),
        source=Source(
            str(source.get("file", "")), str(source.get("sha256", "")), int(source.get("words", 0))
        )
        if source
        else None,
        generator=Generator(
            str(generator.get("version", "")),
            str(generator.get("model", "")),
            int(generator.get("seed", 0)),
        )
        if generator
        else None,
        extra=tuple((k, v) for k, v in data.items() if k not in TOP_KEYS),
        word_bank=tuple(str(w) for w in data.get("word_bank") or ()),
    )


def load(path: Path) -> Quiz:
    """Read and validate a quiz file; a broken one raises QuizgenError naming the first problem."""
    data, problems = check(_read_text(path), str(path))
    if problems:
        more = f" (and {len(problems) - 1} more; run quizgen validate)" if len(problems) > 1 else ""
        raise QuizgenError(f"{path}: {problems[0]}{more}")
    return from_data(data)
