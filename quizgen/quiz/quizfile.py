"""The quiz file (format ``quizgen/1``): Quiz <-> YAML, its JSON Schema, and its validation.

The JSON Schema below is the one definition of the contract: ``quizgen schema`` prints it,
each quiz file names it for YAML-aware editors, and :func:`validate` checks files against it
before the checks a schema cannot express (the key is one of the options, the evidence
sentence is in its paragraph, ...). Files are read with ``yaml.safe_load`` semantics only.

The contract is closed: a key it does not define is an error that names the nearest key it
does ("did you mean 'accept'?"), and keys for other tools go under names that start with
``x-``, anywhere, and are kept. An item a person wrote (no ``rule``) needs no evidence; when it
has evidence, the evidence must match.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from quizgen.base.errors import QuizgenError
from quizgen.base.folding import fold as _norm
from quizgen.quiz import yaml_errors
from quizgen.quiz.model import (
    BLANK,
    Difficulty,
    Evidence,
    Generator,
    Item,
    Kind,
    Quiz,
    Skill,
    Source,
)

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
    "sources",
    "alternatives",
    "skill",
    "events",
    "event_evidence",
    "refers_to",
)
# keys DESIGN.md names for stages still to come: accepted now and kept (in Item.extra), so a
# file that has them is valid before the code that reads them lands (none at present)
PLANNED_ITEM_KEYS: tuple[str, ...] = ()
EXTENSION = "x-"  # keys for other tools start with it, anywhere in the file
NEAR = 0.7  # how alike an unknown key and a known one must be to suggest it ('hint' != 'points')
OBJECT_KEYS = ("paragraph", "sentence", "file", "sha256", "words", "version", "model", "seed")
_KEYS = frozenset(TOP_KEYS + ITEM_KEYS + PLANNED_ITEM_KEYS + OBJECT_KEYS)  # every key there is

_TEXT = {"type": "string", "minLength": 1}
_EXTENSIONS = {f"^{EXTENSION}": {"description": "a key for another tool, kept as it is"}}


def _closed(properties: dict, **rest: Any) -> dict:
    """An object schema that allows its own keys and x- keys, and no other."""
    return {
        "type": "object",
        "properties": properties,
        "patternProperties": _EXTENSIONS,
        "additionalProperties": False,
        **rest,
    }


_EVIDENCE = _closed(
    {
        "paragraph": {
            "type": "integer",
            "minimum": 1,
            "description": "paragraph of `passage`, counted from 1",
        },
        "sentence": {**_TEXT, "description": "the proving sentence, copied verbatim from it"},
    },
    required=["paragraph", "sentence"],
)
# a question template's item keeps its evidence; an item a person wrote has no rule
_RULE_NEEDS_EVIDENCE = {"if": {"required": ["rule"]}, "then": {"required": ["evidence"]}}


def _kind_rule(kind: Kind, required: list[str], answer: dict) -> dict:
    return {
        "if": {"properties": {"kind": {"const": kind.value}}, "required": ["kind"]},
        "then": {"required": required, "properties": {"answer": answer} if answer else {}},
    }


def json_schema() -> dict:
    """The JSON Schema (draft 2020-12) of a quiz file."""
    item = _closed(
        {
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
            "evidence": {
                **_EVIDENCE,
                "description": "where the key is proved; an item without a rule may leave it out",
            },
            "pair_evidence": {"type": "array", "items": _EVIDENCE},
            "difficulty": {"enum": [d.value for d in Difficulty]},
            "rule": {
                "type": "string",
                "description": "the question template that made it; an item a person wrote "
                "has none, and needs no evidence",
            },
            "points": {"type": "integer", "minimum": 0},
            "skill": {
                "enum": [s.value for s in Skill],
                "description": "the reading skill the item tests",
            },
            "events": {
                "type": "array",
                "items": _TEXT,
                "minItems": 3,
                "maxItems": 8,
                "description": "ordering: the events, in the right order",
            },
            "event_evidence": {
                "type": "array",
                "items": _EVIDENCE,
                "description": "ordering: one evidence per event",
            },
            "refers_to": {
                **_TEXT,
                "description": "two-part evidence: the id of the earlier item this one proves",
            },
            "sources": {
                "type": "object",
                "additionalProperties": {"type": "string"},
                "description": "multiple_choice: where each wrong option came from, in plain "
                "words ('paragraph 4', 'another date in the passage')",
            },
            "alternatives": {
                "type": "array",
                "maxItems": 6,
                "items": {
                    "oneOf": [
                        _TEXT,
                        {
                            "type": "object",
                            "required": ["text"],
                            "properties": {"text": _TEXT, "source": {"type": "string"}},
                        },
                    ]
                },
                "description": "multiple_choice: next-best wrong options for a reviewer, best "
                "first, each {text, source}",
            },
        },
        required=["id", "kind", "prompt"],
        allOf=[
            _kind_rule(Kind.MULTIPLE_CHOICE, ["options", "answer"], {"type": ["string", "number"]}),
            _kind_rule(Kind.SHORT_ANSWER, ["answer"], {"type": ["string", "number"]}),
            _kind_rule(Kind.FILL_BLANK, ["answer"], {"type": ["string", "number"]}),
            _kind_rule(Kind.TRUE_FALSE, ["answer"], {"type": "boolean"}),
            _kind_rule(Kind.MATCHING, ["pairs"], {}),
            _RULE_NEEDS_EVIDENCE,
            _kind_rule(Kind.ORDERING, ["events"], {}),
        ],
    )
    top = _closed(
        {
            "format": {"const": FORMAT},
            "title": _TEXT,
            "source": _closed(
                {
                    "file": {"type": "string"},
                    "sha256": {"type": "string"},
                    "words": {"type": "integer", "minimum": 0},
                }
            ),
            "generator": _closed(
                {
                    "version": {"type": "string"},
                    "model": {"type": "string"},
                    "seed": {"type": "integer"},
                }
            ),
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
        required=["format", "title", "passage", "items"],
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:quizgen:quiz:1",
        "title": "quizgen quiz file (format quizgen/1)",
        "description": "Unknown keys are errors; keys for other tools start with 'x-'.",
        **top,
    }


def schema_text() -> str:
    """The JSON Schema as the text of a .json file."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


# --- writing -------------------------------------------------------------------------------


def _evidence_data(evidence: Evidence) -> dict[str, Any]:
    return {"paragraph": evidence.paragraph, "sentence": evidence.sentence, **dict(evidence.extra)}


def _item_data(item: Item) -> dict[str, Any]:
    data: dict[str, Any] = {"id": item.id, "kind": item.kind.value, "prompt": item.prompt}
    if item.kind is Kind.MULTIPLE_CHOICE:
        data["options"] = list(item.options)
    if item.kind is Kind.MATCHING:
        data["pairs"] = [list(p) for p in item.pairs]
    elif item.kind is Kind.ORDERING:
        data["events"] = list(item.events)
    else:
        data["answer"] = item.answer
    if item.accept:
        data["accept"] = list(item.accept)
    if item.evidence:
        data["evidence"] = _evidence_data(item.evidence)
    if item.pair_evidence:
        data["pair_evidence"] = [_evidence_data(e) for e in item.pair_evidence]
    if item.event_evidence:
        data["event_evidence"] = [_evidence_data(e) for e in item.event_evidence]
    if item.refers_to:
        data["refers_to"] = item.refers_to
    if item.skill is not None:
        data["skill"] = item.skill.value
    data["difficulty"] = item.difficulty.value
    if item.rule:
        data["rule"] = item.rule
    if item.points != 1:
        data["points"] = item.points
    if item.sources:
        data["sources"] = dict(item.sources)
    if item.alternatives:
        data["alternatives"] = [{"text": t, "source": w} for t, w in item.alternatives]
    data.update(item.extra)
    return data


def to_data(quiz: Quiz) -> dict[str, Any]:
    """The quiz as plain data in the contract's key order."""
    data: dict[str, Any] = {"format": FORMAT, "title": quiz.title}
    if quiz.source:
        data["source"] = {
            "file": quiz.source.file,
            "sha256": quiz.source.sha256,
            "words": quiz.source.words,
            **dict(quiz.source.extra),
        }
    if quiz.generator:
        data["generator"] = {
            "version": quiz.generator.version,
            "model": quiz.generator.model,
            "seed": quiz.generator.seed,
            **dict(quiz.generator.extra),
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


class BrokenYaml(QuizgenError):
    """A quiz file that is not YAML at all, with the one problem that says where and why."""

    def __init__(self, name: str, line: int, column: int, message: str) -> None:
        where = f" at line {line}, column {column}" if line else ""
        super().__init__(f"{name}: not valid YAML{where}: {message}")
        at = f" (column {column})" if line else ""
        self.problem = Problem(line, "", f"not valid YAML{at}: {message}")


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
        line, column, message = yaml_errors.explain(text, exc, _KEYS)
        raise BrokenYaml(name, line, column, message) from None
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


def _key_line(root: yaml.Node | None, path: list, key: object) -> int:
    """The line of a key of the mapping at ``path`` (else of the mapping)."""
    node = _node_at(root, path)
    if isinstance(node, yaml.MappingNode):
        for k, _ in node.value:
            if k.value == str(key):
                return k.start_mark.line + 1
    return _line(root, path)


def _unknown(key: str, known: list[str]) -> str:
    """An unknown key, with the known one it most looks like, or where a key of one's own goes."""
    near = difflib.get_close_matches(key, known, n=1, cutoff=NEAR)
    if near:
        return f"unknown key {key!r} (did you mean {near[0]!r}?)"
    return (
        f"unknown key {key!r}; a key for another purpose goes under a name that starts "
        f"with {EXTENSION!r} ({EXTENSION}{key})"
    )


def _objects(data: dict) -> list[tuple[list, dict]]:
    """(path, mapping) of every object of the contract in the file: the file, source and
    generator, each item and each of its evidences."""
    found: list[tuple[list, dict]] = [([], data)]
    found += [([k], data[k]) for k in ("source", "generator") if isinstance(data.get(k), dict)]
    items = data.get("items")
    for n, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        found.append((["items", n], item))
        if isinstance(item.get("evidence"), dict):
            found.append((["items", n, "evidence"], item["evidence"]))
        for key in ("pair_evidence", "event_evidence"):
            evidences = item.get(key)
            for m, ev in enumerate(evidences if isinstance(evidences, list) else []):
                if isinstance(ev, dict):
                    found.append((["items", n, key, m], ev))
    return found


def _item_name(data: dict, path: list) -> str:
    """The id of the item a path is in ('#3' before it has one), or '' outside the items."""
    if len(path) < 2 or path[0] != "items" or not isinstance(path[1], int):
        return ""
    raw = data["items"][path[1]]
    return str(raw.get("id", f"#{path[1] + 1}")) if isinstance(raw, dict) else f"#{path[1] + 1}"


def _key_problems(data: dict, root: yaml.Node | None) -> list[Problem]:
    """Keys that are not text (YAML reads 'yes:' or '1:' as others), and keys given twice in
    one mapping, which YAML takes silently, keeping the last."""
    problems = []
    for path, mapping in _objects(data):
        for key in mapping:
            if not isinstance(key, str):
                problems.append(
                    Problem(
                        _key_line(root, path, key),
                        _item_name(data, path),
                        f"the key {key!r} is read as a {type(key).__name__}, not text; "
                        "put it in quotes",
                    )
                )
    for node in _mappings(root):
        seen: dict[str, int] = {}
        for k, _ in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value in seen:
                problems.append(
                    Problem(
                        k.start_mark.line + 1,
                        "",
                        f"the key {k.value!r} is given twice (first on line {seen[k.value]}); "
                        "YAML would keep only this one",
                    )
                )
            elif isinstance(k, yaml.ScalarNode):
                seen[k.value] = k.start_mark.line + 1
    return problems


def _mappings(node: yaml.Node | None) -> list[yaml.MappingNode]:
    """Every mapping node in a composed tree."""
    found, stack = [], [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            found.append(current)
            stack += [v for _, v in current.value]
        elif isinstance(current, yaml.SequenceNode):
            stack += current.value
    return found


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
        item = _item_name(data, path)
        key = (
            ".".join(str(p) for p in path[2:] if not isinstance(p, int))
            if item
            else ".".join(str(p) for p in path)
        )
        if error.validator == "additionalProperties":
            known = list(error.schema.get("properties", {}))
            for extra in error.instance:
                if extra not in known and not str(extra).startswith(EXTENSION):
                    message = _unknown(str(extra), known)
                    line = _key_line(root, path, extra)
                    problems.append(Problem(line, item, f"{key}: {message}" if key else message))
            continue
        message = error.message
        if error.validator == "required":
            message = message.replace(" is a required property", " is missing")
            if "evidence" in message and "rule" in error.instance:
                message += (
                    " (an item a question template made keeps its evidence; "
                    "an item of your own has no 'rule' and needs none)"
                )
        if error.validator == "type" and isinstance(error.instance, dict) and len(error.instance):
            message += (
                "; a ': ' in a text that is not in quotes made YAML read a key and a value "
                "there: put the text in quotes"
            )
        problems.append(Problem(_line(root, path), item, f"{key}: {message}" if key else message))
    return problems


def _item_problems(data: dict, root: yaml.Node | None) -> list[Problem]:
    """The checks a schema cannot express."""
    problems = []
    passage = data["passage"]
    seen: set[str] = set()
    for n, raw in enumerate(data["items"]):
        iid = str(raw["id"])

        def problem(message: str, *key: str | int, _n: int = n, _iid: str = iid) -> None:
            problems.append(Problem(_line(root, ["items", _n, *key]), _iid, message))

        if iid in seen:
            problem(f"id {iid!r} is used twice")
        seen.add(iid)
        kind = raw["kind"]
        evidence = [(("evidence",), raw["evidence"])] if "evidence" in raw else []  # a teacher's
        for key in ("pair_evidence", "event_evidence"):  # own item may have none
            evidence += [((key, m), ev) for m, ev in enumerate(raw.get(key, []))]
        for where, ev in evidence:
            para = ev["paragraph"]
            if para > len(passage):
                problem(
                    f"evidence paragraph {para} is past the passage's {len(passage)} paragraphs",
                    *where,
                )
            elif _norm(ev["sentence"]) not in _norm(passage[para - 1]):
                problem(f"evidence sentence is not in paragraph {para}", *where)
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
        if kind == Kind.ORDERING:
            if len({_norm(e) for e in raw["events"]}) != len(raw["events"]):
                problem("an event repeats", "events")
            if "event_evidence" in raw and len(raw["event_evidence"]) != len(raw["events"]):
                problem("event_evidence needs one evidence per event", "event_evidence")
        if "refers_to" in raw and str(raw["refers_to"]) not in seen - {iid}:
            problem(f"refers_to {raw['refers_to']!r} names no earlier item", "refers_to")
        if "refers_to" in raw and kind == Kind.MULTIPLE_CHOICE:
            whole = _norm(" ".join(passage))
            if any(_norm(o) not in whole for o in raw["options"]):
                problem("a Part B's options are sentences copied from the passage", "options")
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
        problems = _key_problems(data, root) or _schema_problems(data, root)
    except RecursionError:
        raise QuizgenError(f"{name}: the YAML nests too deeply to be a quiz file") from None
    if not problems:
        problems = _item_problems(data, root)
    return data, problems


def read_text(path: Path) -> str:
    """A quiz file's text, refused with a one-line reason when it is no UTF-8 file of a
    quiz's size."""
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
    """Every way the quiz file at ``path`` breaks the contract (empty when it is valid); a
    file that is not YAML is one problem, at the line where the broken part starts."""
    try:
        return check(read_text(path), str(path))[1]
    except BrokenYaml as exc:
        return [exc.problem]


def _extra(data: dict, keys: tuple[str, ...] = ()) -> tuple[tuple[str, object], ...]:
    """The x- keys of an object (and the named ones), in the file's order, to be kept."""
    return tuple((k, v) for k, v in data.items() if k.startswith(EXTENSION) or k in keys)


def _evidence(data: dict) -> Evidence:
    return Evidence(paragraph=data["paragraph"], sentence=data["sentence"], extra=_extra(data))


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
        evidence=_evidence(data["evidence"]) if "evidence" in data else None,
        difficulty=Difficulty(data.get("difficulty", "medium")),
        rule=str(data.get("rule", "")),
        points=int(data.get("points", 1)),
        pair_evidence=tuple(_evidence(e) for e in data.get("pair_evidence", ())),
        skill=Skill(data["skill"]) if "skill" in data else None,
        events=tuple(str(e) for e in data.get("events", ())),
        event_evidence=tuple(_evidence(e) for e in data.get("event_evidence", ())),
        refers_to=str(data.get("refers_to", "")),
        sources=tuple((str(k), str(v)) for k, v in (data.get("sources") or {}).items()),
        alternatives=tuple(
            (str(a.get("text", "")), str(a.get("source", "")))
            if isinstance(a, dict)
            else (str(a), "")
            for a in data.get("alternatives", ())
        ),
        extra=_extra(data, PLANNED_ITEM_KEYS),
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
            str(source.get("file", "")),
            str(source.get("sha256", "")),
            int(source.get("words", 0)),
            _extra(source),
        )
        if source
        else None,
        generator=Generator(
            str(generator.get("version", "")),
            str(generator.get("model", "")),
            int(generator.get("seed", 0)),
            _extra(generator),
        )
        if generator
        else None,
        extra=_extra(data),
        word_bank=tuple(str(w) for w in data.get("word_bank") or ()),
    )


def load(path: Path) -> Quiz:
    """Read and validate a quiz file; a broken one raises QuizgenError naming the first problem."""
    data, problems = check(read_text(path), str(path))
    if problems:
        more = f" (and {len(problems) - 1} more; run quizgen validate)" if len(problems) > 1 else ""
        raise QuizgenError(f"{path}: {problems[0]}{more}")
    return from_data(data)
