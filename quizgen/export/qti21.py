"""IMS QTI 2.1 content package: one assessmentItem per item, an assessmentTest, a manifest.

Each item's body holds the passage (a div before the question), so an item makes sense alone
in an item bank; its answer key is scored by the standard response-processing templates, and
its evidence sits in a rubricBlock only scorers see. The test weights each item by its points.
"""

from __future__ import annotations

import hashlib

from lxml import etree

from quizgen.export import Rendered, Settings
from quizgen.export.fields import accepted, carried, is_key, pack
from quizgen.quiz.model import BLANK, Evidence, Item, Kind, Quiz

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
TEMPLATES = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/"
MATCH_CORRECT = TEMPLATES + "match_correct"
MAP_RESPONSE = TEMPLATES + "map_response"
TEST_FILE = "test.xml"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def render(quiz: Quiz, settings: Settings) -> Rendered:
    """The QTI 2.1 content package of a quiz, as one zip."""
    quiz, warnings = carried(quiz)
    items = {_identifier(quiz, "item", item.id): item for item in quiz.items}
    files = {_href(ident): _xml(_item(quiz, ident, item)) for ident, item in items.items()}
    files[TEST_FILE] = _xml(_test(quiz, items))
    files["imsmanifest.xml"] = _xml(_manifest(quiz, items))
    return Rendered(files=(("qti21.zip", pack(files)),), warnings=tuple(warnings))


def _identifier(quiz: Quiz, *parts: str) -> str:
    """An identifier (an XML NCName) from a hash of the quiz's identity and parts."""
    source = quiz.source.sha256 if quiz.source else "\n".join(quiz.passage)
    seed = "\x1f".join((quiz.title, source, *parts))
    return "i" + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:32]


def _href(ident: str) -> str:
    return f"items/{ident}.xml"


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _element(tag: str, text: str | None = None, /, **attributes: str) -> etree._Element:
    """A QTI-namespace element with optional text."""
    element = etree.Element(f"{{{QTI}}}{tag}", attributes)
    element.text = text
    return element


def _sub(
    parent: etree._Element, tag: str, text: str | None = None, /, **attributes: str
) -> etree._Element:
    element = _element(tag, text, **attributes)
    parent.append(element)
    return element


def _root(tag: str, **attributes: str) -> etree._Element:
    root = etree.Element(f"{{{QTI}}}{tag}", nsmap={None: QTI, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI} {QTI_XSD}")
    for name, value in attributes.items():
        root.set(name, value)
    return root


# --- items ---------------------------------------------------------------------------------


def _item(quiz: Quiz, ident: str, item: Item) -> etree._Element:
    """An assessmentItem: declarations, the passage, the interaction, evidence, scoring."""
    root = _root(
        "assessmentItem", identifier=ident, title=item.id, adaptive="false", timeDependent="false"
    )
    declaration, interaction, template = WRITERS[item.kind](item)
    root.append(declaration)
    score = _sub(
        root, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float"
    )
    _sub(_sub(score, "defaultValue"), "value", "0")
    body = _sub(root, "itemBody")
    passage = _sub(body, "div", **{"class": "passage"})
    for paragraph in quiz.passage:
        _sub(passage, "p", paragraph)
    body.append(interaction)
    evidence = _evidence(item)
    if evidence:
        rubric = _sub(body, "rubricBlock", view="scorer")
        for line in evidence:
            _sub(rubric, "p", line)
    _sub(root, "responseProcessing", template=template)
    return root


def _evidence(item: Item) -> list[str]:
    """One line per distinct evidence sentence: 'Paragraph 2: …'."""
    seen: list[Evidence] = []
    for evidence in (item.evidence, *item.pair_evidence):
        if evidence is not None and evidence not in seen:
            seen.append(evidence)
    return [f"Paragraph {e.paragraph}: {e.sentence}" for e in seen]


def _response(cardinality: str, base_type: str, correct: list[str]) -> etree._Element:
    declaration = _element(
        "responseDeclaration", identifier="RESPONSE", cardinality=cardinality, baseType=base_type
    )
    values = _sub(declaration, "correctResponse")
    for value in correct:
        _sub(values, "value", value)
    return declaration


def _mapping(
    declaration: etree._Element, values: dict[str, str], entry: dict[str, str], **attributes: str
) -> etree._Element:
    """Add a mapping that scores each key its value and anything else 0."""
    mapping = _sub(declaration, "mapping", defaultValue="0", **attributes)
    for key, value in values.items():
        _sub(mapping, "mapEntry", mapKey=key, mappedValue=value, **entry)
    return declaration


# --- one builder per kind: (responseDeclaration, interaction, response-processing template) --

Built = tuple[etree._Element, etree._Element, str]


def _choices(prompt: str, labels: list[str], correct: int) -> Built:
    """A single-choice interaction, choices lettered A, B, …; only ``correct`` scores."""
    ids = LETTERS[: len(labels)]
    interaction = _element(
        "choiceInteraction", responseIdentifier="RESPONSE", shuffle="false", maxChoices="1"
    )
    _sub(interaction, "prompt", prompt)
    for ident, label in zip(ids, labels, strict=True):
        _sub(interaction, "simpleChoice", label, identifier=ident)
    return _response("single", "identifier", [ids[correct]]), interaction, MATCH_CORRECT


def _multiple_choice(item: Item) -> Built:
    keys = [is_key(item, option) for option in item.options]
    return _choices(item.prompt, list(item.options), keys.index(True))


def _true_false(item: Item) -> Built:
    return _choices(item.prompt, ["True", "False"], 0 if item.answer is True else 1)


def _distinct(answers: list[str]) -> list[str]:
    """The answers, each once when case is ignored, as mapping keys must be here."""
    kept: dict[str, str] = {}
    for answer in answers:
        kept.setdefault(answer.casefold(), answer)
    return list(kept.values())


def _text_entry(item: Item, before: str, after: str) -> Built:
    """A text box inline in a paragraph, scoring 1 for any accepted answer."""
    answers = _distinct(accepted(item))
    declaration = _mapping(
        _response("single", "string", [answers[0]]),
        dict.fromkeys(answers, "1"),
        {"caseSensitive": "false"},
    )
    paragraph = _element("p", before)
    entry = _sub(
        paragraph,
        "textEntryInteraction",
        responseIdentifier="RESPONSE",
        expectedLength=str(max(len(a) for a in answers)),
    )
    entry.tail = after
    return declaration, paragraph, MAP_RESPONSE


def _short_answer(item: Item) -> Built:
    declaration, box, template = _text_entry(item, "", "")
    block = _element("div", **{"class": "question"})
    _sub(block, "p", item.prompt)
    block.append(box)
    return declaration, block, template


def _fill_blank(item: Item) -> Built:
    before, _, after = item.prompt.partition(BLANK)
    return _text_entry(item, before, after)


def _matching(item: Item) -> Built:
    """Left sides L1… against right sides R1… (sorted); each right pair scores its share of 1."""
    count = len(item.pairs)
    pairs = [(f"L{n}", f"R{n}") for n in range(1, count + 1)]
    correct = [f"{left} {right}" for left, right in pairs]
    declaration = _mapping(
        _response("multiple", "directedPair", correct),
        dict.fromkeys(correct, repr(1 / count)),
        {},
        lowerBound="0",
        upperBound="1",
    )
    interaction = _element(
        "matchInteraction",
        responseIdentifier="RESPONSE",
        shuffle="false",
        maxAssociations=str(count),
    )
    _sub(interaction, "prompt", item.prompt)
    lefts = _sub(interaction, "simpleMatchSet")
    for (left_id, _), (left, _) in zip(pairs, item.pairs, strict=True):
        _sub(lefts, "simpleAssociableChoice", left, identifier=left_id, matchMax="1")
    rights = _sub(interaction, "simpleMatchSet")
    targets = sorted(zip(item.pairs, pairs, strict=True), key=lambda t: t[0][1].casefold())
    for (_, right), (_, right_id) in targets:
        _sub(rights, "simpleAssociableChoice", right, identifier=right_id, matchMax="1")
    return declaration, interaction, MAP_RESPONSE


WRITERS = {
    Kind.MULTIPLE_CHOICE: _multiple_choice,
    Kind.SHORT_ANSWER: _short_answer,
    Kind.TRUE_FALSE: _true_false,
    Kind.FILL_BLANK: _fill_blank,
    Kind.MATCHING: _matching,
}


# --- the test and the manifest -------------------------------------------------------------


def _test(quiz: Quiz, items: dict[str, Item]) -> etree._Element:
    """An assessmentTest: one section of every item, SCORE the sum of item scores × points."""
    root = _root("assessmentTest", identifier=_identifier(quiz, "test"), title=quiz.title)
    _sub(root, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    part = _sub(
        root,
        "testPart",
        identifier="part1",
        navigationMode="nonlinear",
        submissionMode="simultaneous",
    )
    section = _sub(
        part, "assessmentSection", identifier="section1", title=quiz.title, visible="true"
    )
    for ident, item in items.items():
        ref = _sub(section, "assessmentItemRef", identifier=ident, href=_href(ident))
        _sub(ref, "weight", identifier="W", value=str(item.points))
    total = _sub(_sub(root, "outcomeProcessing"), "setOutcomeValue", identifier="SCORE")
    _sub(_sub(total, "sum"), "testVariables", variableIdentifier="SCORE", weightIdentifier="W")
    return root


def _manifest(quiz: Quiz, items: dict[str, Item]) -> etree._Element:
    """imsmanifest.xml: the test resource depending on one resource per item file."""
    c = f"{{{CP}}}"
    root = etree.Element(
        f"{c}manifest", nsmap={None: CP, "xsi": XSI}, identifier=_identifier(quiz, "manifest")
    )
    root.set(f"{{{XSI}}}schemaLocation", f"{CP} {CP_XSD}")
    metadata = etree.SubElement(root, f"{c}metadata")
    etree.SubElement(metadata, f"{c}schema").text = "QTIv2.1 Package"
    etree.SubElement(metadata, f"{c}schemaversion").text = "1.0.0"
    etree.SubElement(root, f"{c}organizations")
    resources = etree.SubElement(root, f"{c}resources")
    test = etree.SubElement(
        resources,
        f"{c}resource",
        identifier=_identifier(quiz, "test"),
        type="imsqti_test_xmlv2p1",
        href=TEST_FILE,
    )
    etree.SubElement(test, f"{c}file", href=TEST_FILE)
    for ident in items:
        etree.SubElement(test, f"{c}dependency", identifierref=ident)
    for ident in items:
        resource = etree.SubElement(
            resources,
            f"{c}resource",
            identifier=ident,
            type="imsqti_item_xmlv2p1",
            href=_href(ident),
        )
        etree.SubElement(resource, f"{c}file", href=_href(ident))
    return root
