"""Page chrome in extracted text: the paragraphs that are page furniture, not article prose.

What trafilatura still lets through (subscribe prompts, "Read more" teasers, photo credits,
author bios, cookie notices) is matched paragraph by paragraph by ``is_chrome``; ``clean`` drops
those paragraphs and any block of teasers after the article, and joins a drop-cap letter set
apart back to the paragraph it opens.
"""

from __future__ import annotations

import re

_CHROME_PATTERNS = [
    r"\b(subscribe|subscribers?|subscription)\b.{0,80}\b(newsletter|today|now|here|free|access|"
    r"unlimited|digital|offer)\b",
    r"\bsign(ing)? up\b.{0,80}\b(newsletter|email|free|updates|alerts|account|for)\b",
    r"\b(newsletter|inbox|email alerts?)\b.{0,60}\b(sign up|subscribe|delivered|get|receive)\b",
    r"\b(get|receive)\b.{0,40}\b(newsletter|our emails?|email updates)\b",
    r"\bcookies?\b.{0,80}\b(consent|accept|policy|settings|use|browsing|experience)\b",
    r"^\s*(advertisement|advertising|sponsored( content)?|ad)\s*$",
    r"(©|\(c\)|copyright\b).{0,80}\b(\d{4}|all rights reserved|inc\.?|ltd|llc|media|news)\b",
    r"\ball rights reserved\b",
    r"^\s*(read|see|click here for|watch)( the)? (more|also|full story|next|related)\b",
    r"^\s*(related|more|recommended|most read|most popular|trending|also read|read next|"
    r"you may also like|more from)( stories| articles| coverage)?\s*[:|]",
    r"^\s*(related|read more|more stories|recommended|most read|most popular|trending now)\s*$",
    r"\b(photo|image|picture|video|illustration)( credit)?s?\s*:\s*\S",
    r"\((photo|image|picture|credit)s?[^)]{0,60}(getty|ap|reuters|afp|shutterstock|/)[^)]{0,60}\)",
    r"^\s*(getty images|associated press|reuters|afp|shutterstock)\s*$",
    r"\b(via|credit:|photograph:)\s*(getty|ap photo|reuters|afp|shutterstock)",
    r"^\s*(share|tweet|email|print|comment)( this)?( (story|article|page|on \w+))?\s*$",
    r"\bfollow (us|him|her|them|@\w+) on (twitter|facebook|instagram|x)\b",
    r"\b(is|was) a (staff |senior |contributing )?(writer|reporter|editor|correspondent)"
    r" (for|at|with)\b.{0,120}$",
    r"\bjavascript\b.{0,40}\b(enable|disabled|required)\b",
    r"\bthis (article|story|content) (was|is) (originally )?(published|produced|updated)\b",
    r"\b(terms of (use|service)|privacy policy)\b",
    r"\bclick here\b",
    r"\bdownload (the|our) app\b",
    r"\bplease (subscribe|log in|sign in|register)\b|\bto (continue|keep) reading\b",
    r"\b(we|may) (may )?earn (a|an affiliate) commission\b|\b(advertising|affiliate) (policy|disclosure)\b",
    r"\balready a subscriber\b|\b(limit|number) of free (articles|stories)\b|\bfor subscribers only\b",
    r"\bcontains affiliate links\b|\bmay (receive|get|earn) (compensation|a share of (sales|revenue))\b",
    r"\bindependently selected by our editors\b",
    r"^\s*(pictured|above|inset)\s*:|^\s*FILE( PHOTO)?\s*[-–—:]",
]
CHROME = re.compile("|".join(f"(?:{p})" for p in _CHROME_PATTERNS), re.IGNORECASE)


def is_chrome(paragraph: str) -> bool:
    """True when ``paragraph`` is page furniture rather than article prose."""
    return bool(CHROME.search(paragraph))


_BULLET = re.compile(r"^[-*•]\s+")
# A heading that opens a block of teasers to other articles: the article ends before it.
_TEASER_HEADING = re.compile(
    r"^(other|more|related|recommended|popular|latest|top|trending|further)\b[\w\s’']{0,30}"
    r"\b(columns?|stories|articles|news|videos|reads|reading|coverage|posts|opinion)\s*:?$|"
    # Headings over teasers whose quotes belong to other stories: "In other news", "Don't miss".
    r"^(in other news|don['’]t miss|editor['’]?s['’]? picks|you (may|might) also like|most (viewed|read|shared)|"
    r"what to read next|also on \w+|elsewhere on \w+)\s*:?$",
    re.IGNORECASE,
)


def clean(text: str) -> str:
    """Paragraphs normalised; chrome paragraphs and any trailing teaser block dropped."""
    paragraphs = _join_drop_caps([" ".join(p.split()) for p in re.split(r"\n+", text)])
    for i, paragraph in enumerate(paragraphs):
        if i >= len(paragraphs) // 2 and _TEASER_HEADING.match(paragraph):
            paragraphs = paragraphs[:i]
            break
    paragraphs = _drop_gallery(paragraphs)
    return "\n\n".join(p for p in paragraphs if not is_chrome(_BULLET.sub("", p)))


# A photographer's credit on a line of its own: "Mark J. Rebilas, USA TODAY Sports", "Jane Doe/Getty Images".
_PHOTO_CREDIT = re.compile(r"^(?!By\s|Follow\s)(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*\s*[,/]\s*(?:USA TODAY(?: Sports)?|Getty Images|"
                           r"AP(?: Photo)?|Reuters|AFP|EPA|Shutterstock|Bloomberg|(?:[A-Z][\w.&-]*\s+){0,3}"
                           r"(?:Images|Photos?|Sports|Press|Pictures))$")
_GALLERY = 3  # credits a page must carry for its captions to be a slideshow


def _drop_gallery(paragraphs: list[str]) -> list[str]:
    """Paragraphs without a slideshow's slides: each photo credit on a line of its own and the
    caption before it, when a page carries several (a gallery of other stories' players, pasted
    after the article, is not the article)."""
    credits = [i for i, p in enumerate(paragraphs) if _PHOTO_CREDIT.match(p)]
    # The slideshow is the last run of credits two paragraphs apart, each after its caption.
    run = credits[-1:]
    for i in reversed(credits[:-1]):
        if run[0] - i != 2:
            break
        run.insert(0, i)
    if len(run) < _GALLERY:
        return paragraphs
    return paragraphs[: run[0] - 1] + paragraphs[run[-1] + 1:]


def _join_drop_caps(paragraphs: list[str]) -> list[str]:
    """Non-empty paragraphs, a lone drop-cap letter ("T") joined to the paragraph it opens ("urkey ...")."""
    out: list[str] = []
    for paragraph in paragraphs:
        if out and re.fullmatch(r"[B-HJ-Z]", out[-1]) and paragraph[:1].islower():
            out[-1] += paragraph
        elif paragraph:
            out.append(paragraph)
    return out
