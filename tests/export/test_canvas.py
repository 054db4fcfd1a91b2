"""The Canvas QTI 1.2 package: structure, schema validity, identifiers, keys, escaping, golden."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import make_hostile_quiz, make_sample_quiz
from lxml import etree
from qti_zip import assert_valid, html_text, schema, unpack, zip_dates

from quizgen.export import Settings, canvas
from quizgen.quiz.model import Kind, Quiz

QTI = {"q": canvas.QTI}
CP = {"m": canvas.MANIFEST, "imsmd": canvas.IMSMD}
META = {"c": canvas.META}
QUIZZES = {"sample": make_sample_quiz, "hostile": make_hostile_quiz}


@pytest.fixture(scope="module")
def qti12():
    return schema("qti12/ims_qtiasiv1p2.xsd")


@pytest.fixture(scope="module")
def cc11():
    return schema("cc11/ccv1p1_qtiasiv1p2p1_v1p0.xsd")


def _files(quiz: Quiz) -> dict[str, bytes]:
    rendered = canvas.render(quiz, Settings())
    assert [suffix for suffix, _ in rendered.files] == ["canvas.zip"]
    return unpack(rendered.files[0][1])


def _assessment_name(files: dict[str, bytes]) -> str:
    """The assessment file's name, as the manifest gives it."""
    manifest = etree.fromstring(files["imsmanifest.xml"])
    return manifest.find("m:resources/m:resource/m:file", CP).get("href")


def _parts(quiz: Quiz) -> tuple[etree._Element, etree._Element, etree._Element]:
    """The manifest, the assessment and assessment_meta.xml, parsed."""
    files = _files(quiz)
    meta = next(name for name in files if name.endswith("/assessment_meta.xml"))
    return (
        etree.fromstring(files["imsmanifest.xml"]),
        etree.fromstring(files[_assessment_name(files)]),
        etree.fromstring(files[meta]),
    )


def _fields(item: etree._Element) -> dict[str, str]:
    return {
        f.findtext("q:fieldlabel", namespaces=QTI): f.findtext("q:fieldentry", "", QTI)
        for f in item.iterfind("q:itemmetadata/q:qtimetadata/q:qtimetadatafield", QTI)
    }


def _label_text(item: etree._Element, ident: str) -> str:
    label = item.find(f".//q:response_label[@ident='{ident}']", QTI)
    return label.findtext("q:material/q:mattext", namespaces=QTI)


def _scored(item: etree._Element) -> list[etree._Element]:
    """The varequal tests of the conditions that give points."""
    return [
        v
        for c in item.iterfind("q:resprocessing/q:respcondition", QTI)
        if c.find("q:setvar", QTI) is not None
        for v in c.iterfind("q:conditionvar/q:varequal", QTI)
    ]


def _prompt(item: etree._Element) -> str:
    return html_text(item.findtext("q:presentation/q:material/q:mattext", namespaces=QTI))


def test_package_layout():
    files = _files(make_sample_quiz())
    ident = _assessment_name(files).split("/")[0]
    assert ident.startswith("g") and len(ident) == 33
    assert sorted(files) == [
        f"{ident}/assessment_meta.xml",
        f"{ident}/{ident}.xml",
        "imsmanifest.xml",
    ]


def test_manifest_structure():
    """The CC 1.1 CP schema rejects Canvas-style manifests, so check their shape instead."""
    files = _files(make_sample_quiz())
    manifest = etree.fromstring(files["imsmanifest.xml"])
    assert manifest.tag == f"{{{canvas.MANIFEST}}}manifest"
    assert manifest.get("identifier")
    assert manifest.findtext("m:metadata/m:schema", namespaces=CP) == "IMS Content"
    assert manifest.findtext(".//imsmd:title/imsmd:string", namespaces=CP) == "The Nile"
    assessment, meta = manifest.findall("m:resources/m:resource", CP)
    assert assessment.get("type") == "imsqti_xmlv1p2"
    ident = assessment.get("identifier")
    assert [f.get("href") for f in assessment.findall("m:file", CP)] == [f"{ident}/{ident}.xml"]
    assert assessment.find("m:dependency", CP).get("identifierref") == meta.get("identifier")
    assert meta.get("type") == "associatedcontent/imscc_xmlv1p1/learning-application-resource"
    assert meta.get("href") == f"{ident}/assessment_meta.xml"
    assert [f.get("href") for f in meta.findall("m:file", CP)] == [meta.get("href")]
    hrefs = [f.get("href") for f in manifest.iterfind(".//m:file", CP)]
    assert sorted(hrefs) == sorted(name for name in files if name != "imsmanifest.xml")


@pytest.mark.parametrize("name", QUIZZES)
def test_identifiers_agree(name):
    """Canvas drops title and settings when manifest, meta and assessment disagree."""
    manifest, assessment, meta = _parts(QUIZZES[name]())
    ident = manifest.find("m:resources/m:resource", CP).get("identifier")
    assert assessment.find("q:assessment", QTI).get("ident") == ident
    assert meta.get("identifier") == ident
    assert meta.findtext("c:assignment/c:quiz_identifierref", namespaces=META) == ident
    idents = [i.get("ident") for i in assessment.iter(f"{{{canvas.QTI}}}item")]
    assert len(set(idents)) == len(idents)


@pytest.mark.parametrize("name", QUIZZES)
def test_assessment_is_valid_qti12(qti12, name):
    files = _files(QUIZZES[name]())
    assert_valid(qti12, files[_assessment_name(files)], name)


def test_items_but_matching_pass_the_stricter_cc11_profile(cc11):
    """Common Cartridge 1.1 has no matching (its scores only Set), the rest must pass it."""
    quiz = make_sample_quiz()
    quiz = dataclasses.replace(quiz, items=tuple(i for i in quiz.items if i.kind != Kind.MATCHING))
    files = _files(quiz)
    assert_valid(cc11, files[_assessment_name(files)], "sample without matching")


def test_item_metadata():
    quiz = make_sample_quiz()
    _, assessment, _ = _parts(quiz)
    items = assessment.findall(".//q:item", QTI)
    assert [i.get("title") for i in items] == [i.id for i in quiz.items]
    for element, item in zip(items, quiz.items, strict=True):
        fields = _fields(element)
        assert fields["question_type"] == canvas.QUESTION_TYPES[item.kind]
        assert fields["points_possible"] == f"{item.points:.1f}"
        assert fields["assessment_question_identifierref"].startswith("g")
        ids = fields["original_answer_ids"].split(",")
        if item.kind == Kind.MATCHING:
            lids = [r.get("ident") for r in element.iterfind(".//q:response_lid", QTI)]
            assert lids == [f"response_{i}" for i in ids]
        elif item.kind in (Kind.MULTIPLE_CHOICE, Kind.TRUE_FALSE):
            assert ids == [r.get("ident") for r in element.iterfind(".//q:response_label", QTI)]
        else:
            assert len(ids) == len([item.answer, *item.accept])


def test_question_types():
    assert canvas.QUESTION_TYPES == {
        Kind.MULTIPLE_CHOICE: "multiple_choice_question",
        Kind.SHORT_ANSWER: "short_answer_question",
        Kind.TRUE_FALSE: "true_false_question",
        Kind.FILL_BLANK: "short_answer_question",
        Kind.MATCHING: "matching_question",
    }


@pytest.mark.parametrize("name", QUIZZES)
def test_keys_are_right(name):
    """The scoring condition of every item picks the quiz's key, and only that."""
    quiz = QUIZZES[name]()
    _, assessment, _ = _parts(quiz)
    for element, item in zip(assessment.iterfind(".//q:item", QTI), quiz.items, strict=True):
        scored = _scored(element)
        if item.kind == Kind.MULTIPLE_CHOICE:
            assert [_label_text(element, v.text) for v in scored] == [item.answer]
        elif item.kind == Kind.TRUE_FALSE:
            assert [_label_text(element, v.text) for v in scored] == [str(item.answer)]
        elif item.kind == Kind.MATCHING:
            lefts = {
                r.get("ident"): r.findtext("q:material/q:mattext", namespaces=QTI)
                for r in element.iterfind(".//q:response_lid", QTI)
            }
            got = [(lefts[v.get("respident")], _label_text(element, v.text)) for v in scored]
            assert got == list(item.pairs)
        else:
            assert [v.text for v in scored] == [item.answer, *item.accept]


def test_matching_shares_add_up_and_continue():
    _, assessment, _ = _parts(make_sample_quiz())
    matching = assessment.findall(".//q:item", QTI)[-1]
    conditions = [
        c
        for c in matching.iterfind("q:resprocessing/q:respcondition", QTI)
        if c.find("q:setvar", QTI) is not None
    ]
    assert {c.find("q:setvar", QTI).get("action") for c in conditions} == {"Add"}
    assert {c.get("continue") for c in conditions} == {"Yes"}
    assert sum(float(c.findtext("q:setvar", namespaces=QTI)) for c in conditions) == pytest.approx(
        100, abs=0.02
    )


def test_evidence_is_general_feedback():
    quiz = make_sample_quiz()
    _, assessment, _ = _parts(quiz)
    for element, item in zip(assessment.iterfind(".//q:item", QTI), quiz.items, strict=True):
        feedback = element.findtext(
            "q:itemfeedback[@ident='general_fb']//q:mattext", namespaces=QTI
        )
        assert f"Paragraph {item.evidence.paragraph}: {item.evidence.sentence}" in html_text(
            feedback
        )


@pytest.mark.parametrize("name", QUIZZES)
def test_meta_holds_title_points_and_passage(name):
    quiz = QUIZZES[name]()
    _, _, meta = _parts(quiz)
    assert meta.findtext("c:title", namespaces=META) == quiz.title
    assert (
        meta.findtext("c:points_possible", namespaces=META)
        == f"{sum(i.points for i in quiz.items):.1f}"
    )
    description = etree.HTML(meta.findtext("c:description", namespaces=META))
    assert [p.text for p in description.iter("p")] == list(quiz.passage)


def test_hostile_text_reads_back_intact():
    quiz = make_hostile_quiz()
    manifest, assessment, _ = _parts(quiz)
    assert manifest.findtext(".//imsmd:title/imsmd:string", namespaces=CP) == quiz.title
    assert assessment.find("q:assessment", QTI).get("title") == quiz.title
    items = assessment.findall(".//q:item", QTI)
    assert [_prompt(i) for i in items] == [i.prompt for i in quiz.items]
    labels = [m.text for m in items[0].iterfind(".//q:response_label//q:mattext", QTI)]
    assert labels == list(quiz.items[0].options)
    lefts = [
        r.findtext("q:material/q:mattext", namespaces=QTI)
        for r in items[4].iterfind(".//q:response_lid", QTI)
    ]
    assert lefts == [left for left, _ in quiz.items[4].pairs]


def test_every_kind_is_carried_without_warnings():
    quiz = make_sample_quiz()
    # ordering reaches Canvas as matching, with a warning (tests/export/test_kinds.py)
    assert {i.kind for i in quiz.items} == set(Kind) - {Kind.ORDERING}
    assert set(canvas.WRITERS) == set(Kind) - {Kind.ORDERING}
    rendered = canvas.render(quiz, Settings())
    assert rendered.warnings == ()
    _, assessment, _ = _parts(quiz)
    assert len(assessment.findall(".//q:item", QTI)) == len(quiz.items)


def test_output_is_deterministic():
    first = canvas.render(make_sample_quiz(), Settings()).files
    assert first == canvas.render(make_sample_quiz(), Settings()).files
    assert zip_dates(first[0][1]) == {(1980, 1, 1, 0, 0, 0)}
    assert list(unpack(first[0][1])) == sorted(unpack(first[0][1]))


def test_identifiers_follow_the_quiz_identity():
    """Stable for a quiz, different for another quiz (another title or source)."""
    quiz = make_sample_quiz()
    renamed = dataclasses.replace(quiz, title="The Nile, again")
    idents = [
        {i.get("ident") for i in _parts(q)[1].iter(f"{{{canvas.QTI}}}item")}
        for q in (quiz, quiz, renamed)
    ]
    assert idents[0] == idents[1]
    assert not idents[0] & idents[2]
