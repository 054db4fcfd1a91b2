"""Canvas quiz package: a QTI 1.2 zip laid out as Canvas exports it (Classic and New Quizzes).

The zip holds ``imsmanifest.xml`` at its root, ``<ident>/<ident>.xml`` (the questestinterop
assessment) and ``<ident>/assessment_meta.xml`` (title, settings, and the passage as the quiz
description: New Quizzes drops text-only items, so the passage cannot be one). Field names,
identifier shapes and scoring follow Canvas's own exports, as text2qti writes them too.
"""

from __future__ import annotations

import hashlib

from lxml import etree, html
from lxml.builder import E

from quizgen.export import Rendered, Settings
from quizgen.export.fields import accepted, carried, is_key, pack
from quizgen.quiz.model import Evidence, Item, Kind, Quiz

QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
QTI_XSD = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
MANIFEST = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_v1p2"
META = "http://canvas.instructure.com/xsd/cccv1p0"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
META_RESOURCE = "associatedcontent/imscc_xmlv1p1/learning-application-resource"

QUESTION_TYPES = {
    Kind.MULTIPLE_CHOICE: "multiple_choice_question",
    Kind.SHORT_ANSWER: "short_answer_question",
    Kind.TRUE_FALSE: "true_false_question",
    # Canvas's own "Fill In the Blank" is short_answer_question: the sentence shows its blank
    # and one typed answer is marked against every accepted one. fill_in_multiple_blanks would
    # need [name] markers in the text, which any bracket in a passage would break.
    Kind.FILL_BLANK: "short_answer_question",
    Kind.MATCHING: "matching_question",
}


def render(quiz: Quiz, settings: Settings) -> Rendered:
    """The Canvas QTI 1.2 package of a quiz, as one zip."""
    quiz, warnings = carried(quiz)
    ident = _identifier(quiz, "assessment")
    meta = _identifier(quiz, "assessment_meta")
    files = {
        "imsmanifest.xml": _xml(_manifest(quiz, ident, meta)),
        f"{ident}/{ident}.xml": _xml(_assessment(quiz, ident)),
        f"{ident}/assessment_meta.xml": _xml(_meta(quiz, ident)),
    }
    return Rendered(files=(("canvas.zip", pack(files)),), warnings=tuple(warnings))


def _identifier(quiz: Quiz, *parts: str) -> str:
    """A Canvas-shaped identifier ('g' + 32 hex digits) from the quiz's identity and parts."""
    source = quiz.source.sha256 if quiz.source else "\n".join(quiz.passage)
    seed = "\x1f".join((quiz.title, source, *parts))
    return "g" + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:32]


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _html(*blocks: etree._Element) -> str:
    """HTML text for a text/html field: the blocks in a div, every character escaped."""
    return html.tostring(E.div(*blocks), encoding="unicode")


# --- the manifest and assessment_meta.xml ------------------------------------------------


def _manifest(quiz: Quiz, ident: str, meta: str) -> etree._Element:
    """imsmanifest.xml: the assessment resource and the assessment_meta.xml it depends on."""
    m = f"{{{MANIFEST}}}"
    md = f"{{{IMSMD}}}"
    root = etree.Element(f"{m}manifest", nsmap={None: MANIFEST, "imsmd": IMSMD, "xsi": XSI})
    root.set("identifier", _identifier(quiz, "manifest"))
    root.set(
        f"{{{XSI}}}schemaLocation",
        f"{MANIFEST} http://www.imsglobal.org/xsd/imscp_v1p1.xsd "
        f"{IMSMD} http://www.imsglobal.org/xsd/imsmd_v1p2p2.xsd",
    )
    metadata = etree.SubElement(root, f"{m}metadata")
    etree.SubElement(metadata, f"{m}schema").text = "IMS Content"
    etree.SubElement(metadata, f"{m}schemaversion").text = "1.1.3"
    lom = etree.SubElement(metadata, f"{md}lom")
    title = etree.SubElement(etree.SubElement(lom, f"{md}general"), f"{md}title")
    etree.SubElement(title, f"{md}string").text = quiz.title
    etree.SubElement(root, f"{m}organizations")
    resources = etree.SubElement(root, f"{m}resources")
    assessment = etree.SubElement(
        resources, f"{m}resource", identifier=ident, type="imsqti_xmlv1p2"
    )
    etree.SubElement(assessment, f"{m}file", href=f"{ident}/{ident}.xml")
    etree.SubElement(assessment, f"{m}dependency", identifierref=meta)
    href = f"{ident}/assessment_meta.xml"
    resource = etree.SubElement(
        resources, f"{m}resource", identifier=meta, type=META_RESOURCE, href=href
    )
    etree.SubElement(resource, f"{m}file", href=href)
    return root


def _meta(quiz: Quiz, ident: str) -> etree._Element:
    """assessment_meta.xml: title, settings, and the passage as the quiz description."""
    n = f"{{{META}}}"
    root = etree.Element(f"{n}quiz", nsmap={None: META, "xsi": XSI}, identifier=ident)
    root.set(f"{{{XSI}}}schemaLocation", f"{META} https://canvas.instructure.com/xsd/cccv1p0.xsd")
    points = _points(sum(item.points for item in quiz.items))
    description = _html(*(E.p(paragraph) for paragraph in quiz.passage))
    for tag, text in (
        ("title", quiz.title),
        ("description", description),
        ("shuffle_answers", "false"),
        ("scoring_policy", "keep_highest"),
        ("quiz_type", "assignment"),
        ("points_possible", points),
        ("show_correct_answers", "true"),
        ("allowed_attempts", "1"),
        ("one_question_at_a_time", "false"),
        ("cant_go_back", "false"),
        ("available", "false"),
    ):
        etree.SubElement(root, f"{n}{tag}").text = text
    assignment = etree.SubElement(
        root, f"{n}assignment", identifier=_identifier(quiz, "assignment")
    )
    for tag, text in (
        ("title", quiz.title),
        ("workflow_state", "unpublished"),
        ("quiz_identifierref", ident),
        ("points_possible", points),
        ("grading_type", "points"),
        ("submission_types", "online_quiz"),
    ):
        etree.SubElement(assignment, f"{n}{tag}").text = text
    return root


# --- the assessment ----------------------------------------------------------------------


def _assessment(quiz: Quiz, ident: str) -> etree._Element:
    """The questestinterop document: one assessment, one section, one item per quiz item."""
    q = f"{{{QTI}}}"
    root = etree.Element(f"{q}questestinterop", nsmap={None: QTI, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI} {QTI_XSD}")
    assessment = etree.SubElement(root, f"{q}assessment", ident=ident, title=quiz.title)
    assessment.append(_metadata({"cc_maxattempts": "1"}))
    section = etree.SubElement(assessment, f"{q}section", ident="root_section")
    for position, item in enumerate(quiz.items, start=1):
        section.append(_item(quiz, item, position))
    return root


def _metadata(fields: dict[str, str]) -> etree._Element:
    """A qtimetadata element of label/entry pairs."""
    q = f"{{{QTI}}}"
    metadata = etree.Element(f"{q}qtimetadata")
    for label, entry in fields.items():
        field = etree.SubElement(metadata, f"{q}qtimetadatafield")
        etree.SubElement(field, f"{q}fieldlabel").text = label
        etree.SubElement(field, f"{q}fieldentry").text = entry
    return metadata


def _item(quiz: Quiz, item: Item, position: int) -> etree._Element:
    """One QTI item with Canvas's metadata, presentation, scoring and the evidence as feedback."""
    q = f"{{{QTI}}}"
    ident = _identifier(quiz, "item", item.id)
    answer_ids, responses, conditions = WRITERS[item.kind](item, position)
    element = etree.Element(f"{q}item", ident=ident, title=item.id)
    etree.SubElement(element, f"{q}itemmetadata").append(
        _metadata(
            {
                "question_type": QUESTION_TYPES[item.kind],
                "points_possible": _points(item.points),
                "original_answer_ids": ",".join(answer_ids),
                "assessment_question_identifierref": _identifier(quiz, "question", item.id),
            }
        )
    )
    presentation = etree.SubElement(element, f"{q}presentation")
    presentation.append(_material(_html(E.p(item.prompt)), "text/html"))
    presentation.extend(responses)
    processing = etree.SubElement(element, f"{q}resprocessing")
    outcomes = etree.SubElement(processing, f"{q}outcomes")
    etree.SubElement(
        outcomes, f"{q}decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal"
    )
    evidence = _evidence(item)
    if evidence:
        processing.append(_condition("Yes", [etree.Element(f"{q}other")], feedback="general_fb"))
    processing.extend(conditions)
    if evidence:
        feedback = etree.SubElement(element, f"{q}itemfeedback", ident="general_fb")
        etree.SubElement(feedback, f"{q}flow_mat").append(_material(_html(*evidence), "text/html"))
    return element


def _evidence(item: Item) -> list[etree._Element]:
    """One HTML paragraph per distinct evidence sentence: 'Paragraph 2: …'."""
    seen: list[Evidence] = []
    for evidence in (item.evidence, *item.pair_evidence):
        if evidence is not None and evidence not in seen:
            seen.append(evidence)
    return [E.p(f"Paragraph {e.paragraph}: {e.sentence}") for e in seen]


def _material(text: str, texttype: str | None = None) -> etree._Element:
    q = f"{{{QTI}}}"
    material = etree.Element(f"{q}material")
    mattext = etree.SubElement(material, f"{q}mattext")
    if texttype:
        mattext.set("texttype", texttype)
    mattext.text = text
    return material


def _points(points: int) -> str:
    return f"{float(points):.1f}"


def _answer_ids(position: int, count: int) -> list[str]:
    """Numeric answer ids, as Canvas writes them, distinct within the item."""
    return [str(1000 * position + n) for n in range(1, count + 1)]


def _varequal(respident: str, value: str) -> etree._Element:
    element = etree.Element(f"{{{QTI}}}varequal", respident=respident)
    element.text = value
    return element


def _condition(
    proceed: str,
    tests: list[etree._Element],
    score: str = "",
    action: str = "Set",
    feedback: str = "",
) -> etree._Element:
    """A respcondition: when the tests hold, set or add to SCORE, or show feedback."""
    q = f"{{{QTI}}}"
    condition = etree.Element(f"{q}respcondition", attrib={"continue": proceed})
    etree.SubElement(condition, f"{q}conditionvar").extend(tests)
    if score:
        etree.SubElement(condition, f"{q}setvar", action=action, varname="SCORE").text = score
    if feedback:
        etree.SubElement(
            condition, f"{q}displayfeedback", feedbacktype="Response", linkrefid=feedback
        )
    return condition


# --- one builder per kind: (original_answer_ids, response elements, scoring conditions) ----

Built = tuple[list[str], list[etree._Element], list[etree._Element]]


def _choices(labels: list[str], correct: int, position: int) -> Built:
    """One radio-button response whose label ``correct`` scores 100."""
    q = f"{{{QTI}}}"
    ids = _answer_ids(position, len(labels))
    response = etree.Element(f"{q}response_lid", ident="response1", rcardinality="Single")
    choice = etree.SubElement(response, f"{q}render_choice")
    for ident, label in zip(ids, labels, strict=True):
        etree.SubElement(choice, f"{q}response_label", ident=ident).append(
            _material(label, "text/plain")
        )
    return ids, [response], [_condition("No", [_varequal("response1", ids[correct])], "100")]


def _multiple_choice(item: Item, position: int) -> Built:
    keys = [is_key(item, option) for option in item.options]
    return _choices(list(item.options), keys.index(True), position)


def _true_false(item: Item, position: int) -> Built:
    return _choices(["True", "False"], 0 if item.answer is True else 1, position)


def _short_answer(item: Item, position: int) -> Built:
    """One typed answer marked right when it equals any accepted answer (Canvas's own layout)."""
    q = f"{{{QTI}}}"
    answers = accepted(item)
    response = etree.Element(f"{q}response_str", ident="response1", rcardinality="Single")
    etree.SubElement(
        etree.SubElement(response, f"{q}render_fib"),
        f"{q}response_label",
        ident="answer1",
        rshuffle="No",
    )
    tests = [_varequal("response1", answer) for answer in answers]
    return _answer_ids(position, len(answers)), [response], [_condition("No", tests, "100")]


def _matching(item: Item, position: int) -> Built:
    """One drop-down per left side over every right side, sorted; each right pair adds a share."""
    q = f"{{{QTI}}}"
    count = len(item.pairs)
    ids = _answer_ids(position, 2 * count)
    lefts = ids[:count]
    rights = dict(zip((right for _, right in item.pairs), ids[count:], strict=True))
    share = f"{100 / len(item.pairs):.2f}"
    responses, conditions = [], []
    for left_id, (left, right) in zip(lefts, item.pairs, strict=True):
        response = etree.Element(f"{q}response_lid", ident=f"response_{left_id}")
        response.append(_material(left, "text/plain"))
        choice = etree.SubElement(response, f"{q}render_choice")
        for text in sorted(rights, key=str.casefold):
            etree.SubElement(choice, f"{q}response_label", ident=rights[text]).append(
                _material(text)
            )
        responses.append(response)
        test = _varequal(f"response_{left_id}", rights[right])
        conditions.append(_condition("Yes", [test], share, action="Add"))
    return lefts, responses, conditions


WRITERS = {
    Kind.MULTIPLE_CHOICE: _multiple_choice,
    Kind.SHORT_ANSWER: _short_answer,
    Kind.TRUE_FALSE: _true_false,
    Kind.FILL_BLANK: _short_answer,
    Kind.MATCHING: _matching,
}
