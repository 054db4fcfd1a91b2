"""The quiz file under review: every edit validated, then saved at once; undo and redo.

The store is the only thing that writes the quiz file. Each change is checked by the quiz
file's own validator (the one ``quizgen validate`` runs) on the very text about to be written,
and refused whole when it breaks the contract, so the file on disk is valid at every moment.
Writing is atomic (a temporary file renamed into place); the first write of a file keeps the
text it had before as ``<name>.orig.yaml`` beside it, once, never overwritten later.

Every state has a version number. A tab that sends an edit made on an older version, or an
edit to a file that something else has changed since the store last read or wrote it
(another tab's review, an editor), is refused as stale and told to reload.
"""

from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from quizgen.base.errors import QuizgenError
from quizgen.base.files import write_all
from quizgen.quiz import quizfile
from quizgen.review.edits import FIELDS, SKILLS, Draft, EditError, apply

HISTORY = 500  # undo steps kept while the page is open


class Stale(Exception):
    """The page's view of the quiz is out of date: it must reload before editing again."""


@dataclass(frozen=True, slots=True)
class FieldError:
    """A reason an edit was refused, and where the page shows it."""

    item: str  # item id, or "" for the quiz as a whole
    field: str  # prompt, options, answer, accept, pairs, difficulty, points, skill, item, ...
    message: str


class Invalid(Exception):
    """An edit that would break the quiz file's contract; nothing was written."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors


def dump(data: dict[str, Any]) -> str:
    """A quiz file's text from its data, laid out as ``quizgen generate`` writes it."""
    body = yaml.dump(
        data,
        Dumper=quizfile.SAFE_DUMPER,
        sort_keys=False,
        allow_unicode=True,
        width=2**31 - 1,
        default_flow_style=False,
    )
    return quizfile.SCHEMA_COMMENT + body


def orig_path(path: Path) -> Path:
    """Where the first original is kept: 'a.quiz.yaml' -> 'a.quiz.orig.yaml'."""
    suffix = path.suffix if path.suffix in (".yaml", ".yml") else ""
    stem = path.name[: -len(suffix)] if suffix else path.name
    return path.with_name(f"{stem}.orig{suffix or '.yaml'}")


read_text = quizfile.read_text  # one reading of a quiz file, the validator's


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def schema_skills() -> tuple[tuple[str, ...], bool]:
    """The skills an item may name, and whether the quiz file's schema knows skills at all."""
    item = quizfile.json_schema()["properties"]["items"]["items"]
    skill = item.get("properties", {}).get("skill")
    if not isinstance(skill, dict):
        return SKILLS, False
    choices = skill.get("enum") or skill.get("items", {}).get("enum")
    return (tuple(choices) if choices else SKILLS), True


_KEY = re.compile(r"^([a-z_]+)(?:\.[\w.]+)?: ")


def field_errors(problems: list, op_item: str, op_field: str) -> list[FieldError]:
    """The validator's problems as errors on fields: a schema problem names its key; others are
    shown on the field the edit changed."""
    out = []
    for problem in problems:
        message = " ".join(str(problem.message).split())
        match = _KEY.match(message)
        where = match.group(1) if match else op_field
        if match:
            message = message[match.end() :]
        out.append(FieldError(str(problem.item or op_item), where, message))
    return out


@dataclass
class Store:
    """One quiz file being reviewed: its draft, version and history."""

    path: Path
    draft: Draft = field(init=False)
    version: int = 1
    original: str = field(init=False, repr=False)
    disk: str = field(init=False, repr=False)  # sha256 of the text last read or written
    undo_stack: list[Draft] = field(default_factory=list, repr=False)
    redo_stack: list[Draft] = field(default_factory=list, repr=False)
    outside: str = ""  # why the file on disk cannot be loaded, when it changed and broke
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False)
    skills: tuple[str, ...] = field(init=False)  # the skills an item may name
    skill_known: bool = field(init=False)  # whether the quiz file's schema has skills

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        text = read_text(self.path)
        self.draft = Draft(self._check(text))
        self.original = text
        self.disk = _sha(text)
        self.skills, self.skill_known = schema_skills()

    def _check(self, text: str) -> dict[str, Any]:
        data, problems = quizfile.check(text, str(self.path))
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise QuizgenError(
                f"{self.path}: {problems[0]}{more}; run quizgen validate, fix it, then review"
            )
        return data

    # --- reading ---------------------------------------------------------------------------

    def text(self) -> str:
        """The quiz file's text as the store would write it now."""
        return dump(self.draft.written())

    def refresh(self) -> bool:
        """Load the file again if something else changed it; return whether it did."""
        with self.lock:
            try:
                text = read_text(self.path)
            except QuizgenError as exc:
                self.outside = str(exc)
                return False
            if _sha(text) == self.disk:
                self.outside = ""
                return False
            try:
                data = self._check(text)
            except QuizgenError as exc:
                self.outside = str(exc)
                return False
            self._push(Draft(data))
            self.disk = _sha(text)
            self.outside = ""
            return True

    # --- changing --------------------------------------------------------------------------

    def edit(self, op: str, args: dict, version: object) -> Draft:
        """Make one edit made on ``version`` of the page, validate it and save it."""
        with self.lock:
            self._fresh(version)
            item = str(args.get("item", ""))
            try:
                draft = apply(self.draft, op, args, self.skills, new_skill=self.skill_known)
            except EditError as exc:
                raise Invalid([FieldError(exc.item or item, exc.field, str(exc))]) from None
            self._save(draft, item, FIELDS.get(op, "item"))
            self._push(draft)
            return draft

    def undo(self, version: object) -> Draft:
        """Go back one change (and save)."""
        return self._step(version, self.undo_stack, self.redo_stack, "nothing to undo")

    def redo(self, version: object) -> Draft:
        """Make the last change undone again (and save)."""
        return self._step(version, self.redo_stack, self.undo_stack, "nothing to redo")

    def _step(self, version: object, source: list, target: list, empty: str) -> Draft:
        with self.lock:
            self._fresh(version)
            if not source:
                raise Invalid([FieldError("", "history", empty)])
            draft = source[-1]
            self._save(draft, "", "history")
            source.pop()
            target.append(self.draft)
            self.draft = draft
            self.version += 1
            return draft

    def _push(self, draft: Draft) -> None:
        self.undo_stack.append(self.draft)
        del self.undo_stack[:-HISTORY]
        self.redo_stack.clear()
        self.draft = draft
        self.version += 1

    def _fresh(self, version: object) -> None:
        """Refuse an edit made on an old version, or on a file changed behind the page's back."""
        if version != self.version:
            raise Stale("this quiz has changed since the page was loaded (another tab?)")
        try:
            current = _sha(read_text(self.path))
        except QuizgenError as exc:
            raise Stale(str(exc)) from None
        if current != self.disk:
            raise Stale("the quiz file was changed outside this page")

    def _save(self, draft: Draft, item: str, where: str) -> None:
        """Validate the draft's file text and write it atomically, keeping the first original."""
        text = dump(draft.written())
        try:
            _, problems = quizfile.check(text, str(self.path))
        except QuizgenError as exc:
            raise Invalid([FieldError(item, where, str(exc))]) from None
        if problems:
            raise Invalid(field_errors(problems, item, where))
        keep = orig_path(self.path)
        if not keep.exists() and text != self.original:
            write_all(keep.parent, [(keep.name, self.original)])
        write_all(self.path.parent, [(self.path.name, text)])
        self.disk = _sha(text)

    @property
    def history(self) -> tuple[int, int]:
        """How many steps can be undone and redone."""
        return len(self.undo_stack), len(self.redo_stack)
