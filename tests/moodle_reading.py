"""Moodle 4.2 reading quizgen's files, mimicked in Python for the tests: what its XML reader
keeps of a text, what ``format_string`` and ``clean_param(PARAM_TEXT)`` show of a name or a
matching answer, and how a short answer's wildcard matches a response.

Each function names the Moodle code it follows; the tests prove with them that a teacher's text
comes back as typed, not that quizgen wrote the strings it meant to.
"""

from __future__ import annotations

import html
import re
from xml.parsers import expat

from lxml import etree

PHP_SPACE = " \t\n\r\0\x0b"  # what PHP's trim() takes away


def php_trim(text: str) -> str:
    return text.strip(PHP_SPACE)


# --- lib/xmlize.php: core_xml_parser -----------------------------------------------------


def _kept(chunk: str) -> bool:
    """core_xml_parser::handle_characterdata keeps '0' and any chunk that is not white space."""
    return chunk == "0" or (bool(chunk) and php_trim(chunk) != "")


def xmlize_texts(data: bytes) -> list[str]:
    """The text of each element, in document order, as Moodle's reader keeps it.

    The XML parser hands over character data in chunks: the text between two entity
    references, each reference on its own, a CDATA section whole. Moodle drops each chunk that
    is only white space (and keeps the rest, joined): ``a &gt; &lt; b`` comes back ``a >< b``.
    """
    parser = expat.ParserCreate("UTF-8")
    parser.buffer_text = False
    texts: list[list[str]] = []  # each element's chunks
    stack: list[int] = []
    state = {"cdata": False, "open": False}  # in a CDATA section; the last chunk may grow

    def start(_name, _attrs):
        stack.append(len(texts))
        texts.append([])
        state["open"] = False

    def end(_name):
        stack.pop()
        state["open"] = False

    def characters(text):
        chunks = texts[stack[-1]]
        if state["cdata"]:
            chunks[-1] += text
        elif data[parser.CurrentByteIndex : parser.CurrentByteIndex + 1] == b"&":
            chunks.append(text)  # an entity or character reference: a chunk of its own
            state["open"] = False
        elif state["open"]:
            chunks[-1] += text  # expat cuts at line ends too; libxml2, PHP's parser, does not
        else:
            chunks.append(text)
            state["open"] = True

    def cdata_start():
        texts[stack[-1]].append("")
        state["cdata"] = True

    def cdata_end():
        state["cdata"] = state["open"] = False

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.StartCdataSectionHandler = cdata_start
    parser.EndCdataSectionHandler = cdata_end
    parser.Parse(data, True)
    return ["".join(c for c in chunks if _kept(c)) for chunks in texts]


def read_xml(data: bytes) -> tuple[etree._Element, dict[etree._Element, str]]:
    """The parsed file and, for each element, the text Moodle's reader keeps of it."""
    root = etree.fromstring(data)
    elements = list(root.iter())
    texts = xmlize_texts(data)
    assert len(elements) == len(texts)
    return root, dict(zip(elements, texts, strict=True))


# --- lib/weblib.php and lib/moodlelib.php: what a name or a matching answer shows -------------


def strip_tags(text: str) -> str:
    """PHP's strip_tags: '<' not followed by white space opens a tag that runs to '>' (quotes
    inside it hide a '>'); a tag never closed runs to the end."""
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == "<" and i + 1 < len(text) and not text[i + 1].isspace():
            i += 1
            quote = ""
            while i < len(text) and (quote or text[i] != ">"):
                if text[i] in "\"'":
                    quote = "" if quote == text[i] else (quote or text[i])
                i += 1
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def clean_param_text(text: str) -> str:
    """clean_param($name, PARAM_TEXT), as qformat_default::clean_question_name applies it."""
    return php_trim(strip_tags(text))


def format_string(text: str) -> str:
    """format_string() with Moodle's defaults (formatstringstriptags on, filters off): the
    HTML it makes of a stored text."""
    text = re.sub(r"&(?![a-zA-Z0-9#]{1,8};)", "&amp;", text)
    return strip_tags(text).replace("<", "&lt;").replace(">", "&gt;")


def shown(text: str) -> str:
    """What a browser shows of a text Moodle puts through format_string."""
    return html.unescape(format_string(text))


def shown_name(stored_or_read: str) -> str:
    """A question name as the question bank shows it: cleaned on import, then format_string."""
    return shown(clean_param_text(stored_or_read))


def category_names(path: str) -> list[str]:
    """qformat_default::split_category_path (levels at single slashes, '//' a slash), each
    level as the question bank shows it (format_string)."""
    return [shown(part.replace("//", "/").strip()) for part in re.split(r"(?<!/)/(?!/)", path)]


# --- question/type/shortanswer/question.php ----------------------------------------------


def wildcard_matches(response: str, answer: str, ignorecase: bool = True) -> bool:
    """qtype_shortanswer_question::compare_string_with_wildcard: runs of unescaped '*' match
    anything, '\\*' is a star, the rest is literal; the response is trimmed."""
    bits = re.split(r"(?<!\\)\*+", answer)
    pattern = ".*".join(re.escape(bit.replace("\\*", "*")) for bit in bits)
    flags = re.IGNORECASE | re.DOTALL if ignorecase else re.DOTALL
    return re.fullmatch(pattern, php_trim(response), flags) is not None


def answer_shown(answer: str) -> str:
    """qtype_shortanswer_question::clean_response: how Moodle shows an answer as 'the right
    answer is …' (escaped stars unescaped)."""
    bits = re.split(r"(?<!\\)\*", answer)
    return php_trim(" ".join(bit.replace("\\*", "*") for bit in bits))
