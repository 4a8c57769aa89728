"""Figures a sentence states: numbers with their scale, ordinals and relative dates, each
spelled one canonical way so that a brief's figure can be looked up in its sources."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SCALES = {"thousand": 3, "k": 3, "million": 6, "m": 6, "mn": 6, "billion": 9, "bn": 9, "trillion": 12,
           "tn": 12}
_NUMBER_WORD = ("two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                "sixty|seventy|eighty|ninety|dozen")
# A number and its scale or percent sign are one figure: "$5bn" is not "$5 million".
AMOUNT = re.compile(rf"(?<![\w.,])(?P<figure>\d+(?:[.,]\d+)*|(?i:{_NUMBER_WORD}))(?P<scale>"
                    r"[ -]?(?i:thousand|million|billion|trillion|per ?cent|%)|(?:k|mn|m|bn|tn))?(?![\w%])")
ORDINAL_DIGITS = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
ORDINAL_WORDS = {w: n for n, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
     "eleventh", "twelfth"], start=1)}
_RELATIVE = re.compile(r"\b(last|next|this|past|coming)\s+(week|weekend|month|year|decade|spring|summer|"
                       r"autumn|fall|winter|quarter)\b", re.IGNORECASE)
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
# Spelled-out numbers compare with digits ("three" is "3"); "one" is left out: it is as often
# a pronoun as a count.
NUMBER_WORDS = {w: n for n, w in enumerate([
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty"]) if n != 1}
NUMBER_WORDS |= {w: 10 * n for n, w in enumerate(
    ["thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=3)} | {"dozen": 12}
# Lower-case words that state an amount or a date: they too must come from the sources.
CHECKED_WORDS = frozenset([
    "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
    "trillion", "yesterday", "today", "tomorrow", "tonight", "dozens", "scores"])


def canonical(digits: str) -> str:
    """A canonical spelling of a number: "1,200" is "1200", "3.50" is "3.5", "07" is "7"."""
    if _THOUSANDS.fullmatch(digits):
        digits = digits.replace(",", "")
    whole, _, part = digits.partition(".")
    if not whole.isdigit():  # "3,5": a decimal comma, or a list; compare as written
        return digits
    whole, part = whole.lstrip("0") or "0", part.rstrip("0")
    return f"{whole}.{part}" if part else whole


def amount(match: re.Match[str]) -> str:
    """The value an AMOUNT match states, canonically spelled: "5bn" and "5,000 million" are
    "5000000000", "5 per cent" is "5%"."""
    figure, scale = match.group("figure"), (match.group("scale") or "").strip(" -").lower()
    digits = str(NUMBER_WORDS[figure.lower()]) if figure.lower() in NUMBER_WORDS else canonical(figure)
    if scale in ("%", "percent", "per cent"):
        return digits + "%"
    try:
        value = Decimal(digits) * 10 ** _SCALES.get(scale, 0)
    except InvalidOperation:  # "3,5": compared as written
        return f"{digits} {scale}".strip()
    return f"{value.normalize():f}"


def ordinals(text: str) -> set[int]:
    """The ordinals ``text`` states, in digits ("2nd") or in words ("second")."""
    found = {int(m.group(1)) for m in ORDINAL_DIGITS.finditer(text)}
    return found | {n for w, n in ORDINAL_WORDS.items() if re.search(rf"\b{w}\b", text, re.IGNORECASE)}


def relative_dates(text: str) -> list[str]:
    """The relative dates ``text`` states, in lower case ("last week", "next month")."""
    return [f"{m.group(1).lower()} {m.group(2).lower()}" for m in _RELATIVE.finditer(text)]
