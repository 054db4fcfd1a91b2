"""The QTI 2.1 content package: schema validity, manifest, interactions, keys, escaping, golden."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import make_hostile_quiz, make_sample_quiz
from lxml import etree
from qti_zip import assert_valid, schema, unpack, zip_dates

from quizgen.export import Settings, qti21
from quizgen.quiz.model import BLANK, Kind, Quiz

NS = {"q": qti21.QTI, "cp": qti21.CP}
QUIZZES = {"sample": make_sample_quiz, "hostile": make_hostile_quiz}
# marking ignores case, so 'africa' adds nothing to 'Africa'
ACCEPTED = {("sample", "q5"): ["Africa"]}
INTERACTIONS = {
    Kind.MULTIPLE_CHOICE: "choiceInteraction",
    Kind.SHORT_ANSWER: "textEntryInteraction",
    Kind.TRUE_FALSE: "choiceInteraction",
    Kind.FILL_BLANK: "textEntryInteraction",
    Kind.MATCHING: "matchInteraction",
}


@pytest.fixture(scope="module")
def qti():
    return schema("imsqti/qtiv2p1/imsqti_v2p1.xsd")


@pytest.fixture(scope="module")
def content_package():
    return schema("imsqti/imscp_v1p1.xsd")


def _files(quiz: Quiz) -> dict[str, bytes]:
    rendered = qti21.render(quiz, Settings())
    assert [suffix for suffix, _ in rendered.files] == ["qti21.zip"]
    return unpack(rendered.files[0][1])


def _items(quiz: Quiz) -> list[etree._Element]:
    """The assessmentItems in the test's order."""
    files = _files(quiz)
    test = etree.fromstring(files[qti21.TEST_FILE])
    return [
        etree.fromstring(files[ref.get("href")])
        for ref in test.iterfind(".//q:assessmentItemRef", NS)
    ]


def _choice_text(item: etree._Element, ident: str) -> str:
    return item.find(f".//q:*[@identifier='{ident}']", NS).text


def _correct(item: etree._Element) -> list[str]:
    return [v.text for v in item.iterfind("q:responseDeclaration/q:correctResponse/q:value", NS)]


@pytest.mark.parametrize("name", QUIZZES)
def test_manifest_is_valid(content_package, name):
    assert_valid(content_package, _files(QUIZZES[name]())["imsmanifest.xml"], name)


@pytest.mark.parametrize("name", QUIZZES)
def test_items_and_test_are_valid(qti, name):
    files = _files(QUIZZES[name]())
    assert len(files) == len(QUIZZES[name]().items) + 2
    for file, data in files.items():
        if file != "imsmanifest.xml":
            assert_valid(qti, data, f"{name}: {file}")


def test_manifest_lists_every_file_and_the_test_depends_on_every_item():
    files = _files(make_sample_quiz())
    manifest = etree.fromstring(files["imsmanifest.xml"])
    assert manifest.findtext("cp:metadata/cp:schema", namespaces=NS) == "QTIv2.1 Package"
    test, *items = manifest.findall("cp:resources/cp:resource", NS)
    assert test.get("type") == "imsqti_test_xmlv2p1"
    assert {i.get("type") for i in items} == {"imsqti_item_xmlv2p1"}
    hrefs = [f.get("href") for f in manifest.iterfind(".//cp:file", NS)]
    assert sorted(hrefs) == sorted(name for name in files if name != "imsmanifest.xml")
    depends = [d.get("identifierref") for d in test.findall("cp:dependency", NS)]
    assert depends == [i.get("identifier") for i in items]
    for resource in items:
        item = etree.fromstring(files[resource.get("href")])
        assert item.get("identifier") == resource.get("identifier")


def test_test_weights_items_by_points():
    quiz = make_sample_quiz()
    quiz = dataclasses.replace(
        quiz, items=(dataclasses.replace(quiz.items[0], points=3), *quiz.items[1:])
    )
    test = etree.fromstring(_files(quiz)[qti21.TEST_FILE])
    weights = [w.get("value") for w in test.iterfind(".//q:assessmentItemRef/q:weight", NS)]
    assert weights == [str(i.points) for i in quiz.items]
    assert test.find(".//q:testVariables", NS).get("weightIdentifier") == "W"


@pytest.mark.parametrize("name", QUIZZES)
def test_each_item_holds_the_passage_before_its_interaction(name):
    quiz = QUIZZES[name]()
    for element, item in zip(_items(quiz), quiz.items, strict=True):
        body = element.find("q:itemBody", NS)
        passage = body[0]
        assert passage.get("class") == "passage"
        assert [p.text for p in passage] == list(quiz.passage)
        assert body.find(f".//q:{INTERACTIONS[item.kind]}", NS) is not None
        assert element.get("title") == item.id


@pytest.mark.parametrize("name", QUIZZES)
def test_keys_are_right(name):
    quiz = QUIZZES[name]()
    for element, item in zip(_items(quiz), quiz.items, strict=True):
        template = element.find("q:responseProcessing", NS).get("template")
        correct = _correct(element)
        if item.kind == Kind.MULTIPLE_CHOICE:
            assert [_choice_text(element, c) for c in correct] == [item.answer]
            assert [c.text for c in element.iterfind(".//q:simpleChoice", NS)] == list(item.options)
            assert template.endswith("/match_correct")
        elif item.kind == Kind.TRUE_FALSE:
            assert [_choice_text(element, c) for c in correct] == [str(item.answer)]
            assert template.endswith("/match_correct")
        elif item.kind == Kind.MATCHING:
            pairs = [tuple(_choice_text(element, side) for side in c.split()) for c in correct]
            assert pairs == list(item.pairs)
            keys = [e.get("mapKey") for e in element.iterfind(".//q:mapEntry", NS)]
            assert keys == correct
            assert len(element.findall(".//q:simpleMatchSet", NS)) == 2
            assert template.endswith("/map_response")
        else:
            keys = [e.get("mapKey") for e in element.iterfind(".//q:mapEntry", NS)]
            assert keys == ACCEPTED.get((name, item.id), [item.answer, *item.accept])
            assert correct == [item.answer]
            assert template.endswith("/map_response")


@pytest.mark.parametrize("name", QUIZZES)
def test_prompts_read_back_intact(name):
    """Prompts, fill_blank sentences around their box, and matching sides survive escaping."""
    quiz = QUIZZES[name]()
    for element, item in zip(_items(quiz), quiz.items, strict=True):
        if item.kind == Kind.FILL_BLANK:
            box = element.find(".//q:textEntryInteraction", NS)
            assert box.getparent().text + BLANK + box.tail == item.prompt
        elif item.kind == Kind.SHORT_ANSWER:
            assert (
                element.find(".//q:textEntryInteraction", NS).getparent().getprevious().text
                == item.prompt
            )
        else:
            assert element.findtext(".//q:prompt", namespaces=NS) == item.prompt
        if item.kind == Kind.MATCHING:
            lefts, rights = element.iterfind(".//q:simpleMatchSet", NS)
            assert [c.text for c in lefts] == [left for left, _ in item.pairs]
            assert sorted(c.text for c in rights) == sorted(right for _, right in item.pairs)


def test_hostile_titles_read_back_intact():
    quiz = make_hostile_quiz()
    test = etree.fromstring(_files(quiz)[qti21.TEST_FILE])
    assert test.get("title") == quiz.title
    assert test.find(".//q:assessmentSection", NS).get("title") == quiz.title


def test_evidence_is_for_scorers_only():
    quiz = make_sample_quiz()
    for element, item in zip(_items(quiz), quiz.items, strict=True):
        rubric = element.find("q:itemBody/q:rubricBlock", NS)
        assert rubric.get("view") == "scorer"
        line = f"Paragraph {item.evidence.paragraph}: {item.evidence.sentence}"
        assert line in [p.text for p in rubric]


def test_every_kind_is_carried_without_warnings():
    quiz = make_sample_quiz()
    # ordering reaches QTI 2.1 as matching, with a warning (tests/export/test_kinds.py)
    assert {i.kind for i in quiz.items} == set(Kind) - {Kind.ORDERING} == set(qti21.WRITERS)
    assert qti21.render(quiz, Settings()).warnings == ()
    assert len(_items(quiz)) == len(quiz.items)


def test_output_is_deterministic():
    first = qti21.render(make_sample_quiz(), Settings()).files
    assert first == qti21.render(make_sample_quiz(), Settings()).files
    assert zip_dates(first[0][1]) == {(1980, 1, 1, 0, 0, 0)}
    assert list(unpack(first[0][1])) == sorted(unpack(first[0][1]))
