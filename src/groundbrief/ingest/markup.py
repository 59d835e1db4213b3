"""HTML fragments (feed summaries, entry content) → plain text, never markup.

Feed content is small and often partial, too little for trafilatura's article detection, so it is
flattened here: scripts, styles and embedded objects are dropped with their content, block
elements become paragraph breaks, and only the text nodes are kept. Attributes (``onerror=``,
``href="javascript:..."``) never reach the output because no attribute is ever read.
"""

from __future__ import annotations

import html

from lxml import etree
from lxml import html as lxml_html

from ..text import scrub

_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
         "form", "button", "select", "textarea", "head", "title", "meta", "link")
_BLOCK = frozenset({
    "p", "div", "section", "article", "header", "footer", "aside", "blockquote", "pre", "ul",
    "ol", "li", "dl", "dt", "dd", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "figure",
    "figcaption", "hr", "main", "nav", "address",
})


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment with paragraphs separated by blank lines (not yet cleaned)."""
    if not fragment or not fragment.strip():
        return ""
    if "<" not in fragment:
        return html.unescape(fragment)
    try:
        root = lxml_html.fragment_fromstring(scrub(fragment), create_parent="div")
    except (etree.LxmlError, ValueError, AssertionError):
        # lxml refuses some broken markup with an assertion ("too many bodies").
        return ""
    return element_to_text(root)


def scrub_tree(root) -> None:
    """:func:`scrub` every text node of ``root``. A character reference such as ``&#x1``
    parses into a control character that lxml then refuses to have set back (any later
    ``.text =``, ``.tail =`` or ``drop_tree()`` near it raised ValueError; found by fuzzing)."""
    for element in root.iter():
        if isinstance(element.tag, str) and element.text:
            text = scrub(element.text)
            if text != element.text:
                element.text = text
        if element.tail:
            tail = scrub(element.tail)
            if tail != element.tail:
                element.tail = tail


def element_to_text(root) -> str:
    """:func:`html_to_text` of an already parsed lxml.html element (changed in place)."""
    scrub_tree(root)
    for element in list(root.iter(*_DROP)):
        element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions carry no text
        tag = element.tag.lower()
        if tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif tag in _BLOCK:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    return root.text_content()
