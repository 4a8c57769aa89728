"""Pages that are already briefs: "What happened / Who said what / What next" sections.

Some outlets publish a story in exactly the brief's shape (The Week's "speed read"). Its
editor has already chosen the event sentence, the voices and the next steps, and written them
to their own length, so those sections are the brief: each section's sentences go to their
block unchanged (a sentence reporting two speakers still gives two entries).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.model import Quote
from digest.summarise.names import named_in_full
from digest.summarise.quotes import find_statements
from digest.summarise.sentences import paragraphs, sentences_of

_HEADS = {
    "happened": re.compile(r"^what happened\??:?$", re.IGNORECASE),
    "said": re.compile(r"^who said what\??:?$", re.IGNORECASE),
    "next": re.compile(r"^what(?:'s| is)? next\??:?$", re.IGNORECASE),
}
MAX_HAPPENED, MAX_SAID, MAX_NEXT = 3, 4, 2


@dataclass(frozen=True)
class SectionBlocks:
    """The three blocks as the page gives them."""

    happened: tuple[str, ...]
    said: tuple[Quote, ...]
    ahead: tuple[str, ...]


def split_sections(text: str) -> dict[str, str] | None:
    """Return {"happened", "said", "next"} -> section text when ``text`` has all three headings, else None.

    A section runs from its heading to the next heading or the end of the text; the last one
    also ends at the first paragraph that does not end like prose (the page's chrome after it).
    """
    found: dict[str, list[str]] = {}
    current: str | None = None
    for para in paragraphs(text):
        head = next((name for name, pattern in _HEADS.items() if pattern.match(para)), None)
        if head is not None:
            current = head
            found.setdefault(head, [])
        elif current is not None:
            if not re.search(r"[.!?…][\"'”’)\]]*$", para):
                current = None  # a heading or a link list: the sections are over
            else:
                found[current].append(para)
    if set(found) != set(_HEADS) or not all(found.values()):
        return None
    return {name: "\n\n".join(paras) for name, paras in found.items()}


def section_blocks(text: str, *, outlet: str) -> SectionBlocks | None:
    """Return the blocks of a page shaped like a brief, or None when it is not one."""
    sections = split_sections(text)
    if sections is None:
        return None
    happened = tuple(s.text for s in sentences_of(sections["happened"]))[:MAX_HAPPENED]
    said = []
    for st in find_statements(sentences_of(sections["said"])):
        said.append(Quote(speaker=st.speaker, text=named_in_full(st.text, st.speaker), source=outlet))
    ahead = tuple(s.text for s in sentences_of(sections["next"]))[:MAX_NEXT]
    if not happened:
        return None
    return SectionBlocks(happened, tuple(said[:MAX_SAID]), ahead)
