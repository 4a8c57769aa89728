"""How a Who said what entry reads in the email: the speaker bold where the sentence names them.

"Maren Holt, chief executive, said ..." shows the name bold in place rather than "Maren Holt: Maren Holt, chief
executive, said ...". A sentence that names the speaker bare, by name or surname followed by the verb of saying or
the sentence's end ("'...,' Romney told reporters.", "Massy said ..."), shows the speaker as the label gives them,
with the role, in place of that name ("'...,' Republican presidential candidate Mitt Romney told reporters."); one
that tells who they are itself ("Laura Ingraham, one of the few ...") keeps its own words. The brief's sentence is
unchanged: only how it is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.model import Quote


@dataclass(frozen=True)
class QuoteView:
    """A quote split so the speaker's name can be bold where the sentence already names them."""

    before: str  # text before the name ("" when the name leads)
    name: str  # the speaker's name, shown bold
    after: str  # the rest: the sentence after the name, or ": " and the whole sentence
    source: str  # outlet that reported it
    url: str | None = None  # that outlet's article (the quotation's cite), when linked


# What follows a bare name: the sentence's end, or the verb of saying ("said Maren Holt.", "Maren Holt said ...").
_BARE_NAME = re.compile(r"^(?:[.!?;]|\s+(?:said|says|told|tells|added|adds|explained|explains|wrote|writes|noted|notes|"
                        r"argued|argues|warned|warns|insisted|stated|declared|replied|responded|continued|recalled|"
                        r"acknowledged|acknowledges|admitted|admits|agreed|agrees|confirmed|confirms)\b)")
# "Samantha Burgess of the Copernicus Climate Change Service", "Dr Lucy Raymond from the department of ...": the
# person before the words that place them.
_PLACED = re.compile(r"\s+(?:of|from|at|with)\s+")
_CAPITAL = re.compile(r"^[A-Z][\w'’.-]*$")
# A title the sentence puts before a surname: "Mr. Romney", "Sen. Paul".
_TITLE_BEFORE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Det|Insp|Supt|Judge|"
                           r"Justice|President|Minister|Secretary|Mayor|Chief|Officer)\.?\s+)$")


def quote_view(quote: Quote) -> QuoteView:
    """Return ``quote`` split around the speaker's name when the sentence names them."""
    head, _, role = (part.strip() for part in quote.speaker.partition(","))
    found = _named(quote.text, head)
    if found is None:
        return QuoteView(before="", name=quote.speaker, after=": " + quote.text, source=quote.source)
    at, shown, person = found
    before, after = quote.text[:at], quote.text[at + len(shown):]
    if not _BARE_NAME.match(after):
        # its own words tell who they are ("said King, who resigned ..."): a surname with the given name before it
        words = person.split()
        name = " ".join(words[-2:]) if len(shown.split()) == 1 and len(words) > 1 and words[-1] == shown else shown
        return QuoteView(before=before, name=name, after=after, source=quote.source)
    # Bare: the speaker as the label gives them, unless the sentence already tells the label's other words.
    name = shown if shown == head or _told(head, shown, quote.text) else head
    if name is head and before.strip() and name.split()[0] in _LOWER:
        name = name[0].lower() + name[1:]  # "..., her lawyer Ron Simon said"
    if role and role not in quote.text:
        after = f", {role}" + ("," if after[:1].isspace() else "") + after
    return QuoteView(before=before, name=name, after=after, source=quote.source)


def _named(text: str, head: str) -> tuple[int, str, str] | None:
    """(where, as what, the person's name in full) the sentence names the person of the label's ``head``, outside its quotations: the whole
    head, else the person's name (the capitalised words that end it, before any "of ..."), else a shorter tail of
    it down to the surname (not inside a longer name: "Ivanka Trump" is not "Donald Trump"), with a title the
    sentence puts before it; where it names them bare ("Romney told ...") rather than in passing, if it does."""
    person = _PLACED.split(head, maxsplit=1)[0].split()
    run: list[str] = []
    for word in reversed(person):
        if not _CAPITAL.match(word):
            break
        run.insert(0, word)
    tails = [" ".join(run[i:]) for i in range(len(run))]
    heads = [" ".join(run[:i]) for i in range(len(run) - 1, 0, -1)]  # a body by its first words: "Massy" of "Massy Stores"
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    for form in [f for f in [head, *tails, *heads] if len(f) > 2]:
        # a shorter form is the name only where the name ends and begins ("Dan" is not "Dan Smith")
        ends = "" if form == head else r"(?!\s+[A-Z])"
        found = []
        for match in re.finditer(rf"(?<![\w’'-]){re.escape(form)}(?![\w-]|['’](?!s\b)){ends}", text):
            title = _TITLE_BEFORE.search(text[:match.start()]) if form != head else None
            if any(a <= match.start() < b for a, b in quoted) or (
                    form != head and not title and _NAME_BEFORE.search(text[:match.start()])):
                continue
            start = title.start() if title else match.start()
            found.append((start, text[start:match.end()], bool(_BARE_NAME.match(text[match.end():]))))
        if found:
            start, shown, _ = next((f for f in found if f[2]), found[0])
            return start, shown, " ".join(run) or head
    return None


_NAME_BEFORE = re.compile(r"(?<![.!?:;“\"]\s)(?<!^)\b[A-Z][\w’'.-]*\s+$")  # "Ivanka Trump": another's name
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")


def _told(head: str, shown: str, text: str) -> bool:
    """True when the sentence already gives the words the label's head adds to the name it shows."""
    words = set(re.findall(r"[\w’'-]+", text.lower()))
    extra = [w for w in re.findall(r"[\w’'-]+", head.lower()) if w not in shown.lower().split() and w not in _SMALL]
    return all(w in words for w in extra)


_LOWER = frozenset({"Her", "His", "Their", "Its", "The", "A", "An"})
_SMALL = frozenset({"a", "an", "the", "of", "from", "at", "with", "and", "for", "in", "on"})
