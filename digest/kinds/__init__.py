"""What sort of page an entry is: a report of an event, or opinion, explainer, roundup, deals,
media or something else (see model.KINDS). Pure: values in, ``(kind, signal)`` out.

The page and the feed are asked in order of how much they can be trusted, and the first clear
answer wins: schema.org JSON-LD ``@type``, ``og:type``, ``article:section``, feed categories
and ``article:tag``, URL path segments, the headline, and last the text itself (kinds.text:
first and second person address, price lists, recipe and code vocabulary, and whether it
dates an event and says who said what, as a report does). A page nothing speaks against is
a report. The signal names what decided, e.g. ``json-ld OpinionNewsArticle`` or
``url /deals/``, and its source ranks it (``strength``) so a page's answer can be weighed
against the feed's.

Accuracy on hand-labelled real pages: bench/kind_eval.py (bench/kind_results.md).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from digest.kinds.text import fold, from_text, long_text
from digest.model import KIND_REPORT, KINDS

__all__ = ["KINDS", "PageMeta", "classify", "combine", "count_text", "strength"]


@dataclass(frozen=True)
class PageMeta:
    """What an article page states about itself (extract.page_metadata reads it)."""

    types: tuple[str, ...] = ()  # schema.org JSON-LD @type values, page order
    og_type: str | None = None  # og:type, e.g. "article", "video.other"
    sections: tuple[str, ...] = ()  # article:section / articleSection, lower case
    tags: tuple[str, ...] = ()  # article:tag / keywords, lower case
    published: datetime | None = None  # the page's own publication date (else the day in its address), aware UTC
    labels: tuple[str, ...] = ()  # kind labels set by the headline ("analysis", "opinion"), lower case


# JSON-LD types that decide alone. NewsArticle, Article and BlogPosting do not: opinion desks
# publish as NewsArticle too, so the section, the URL and the headline still get a say.
_LD_KINDS = {
    "reportagenewsarticle": "report",
    "opinionnewsarticle": "opinion", "analysisnewsarticle": "opinion",
    "reviewnewsarticle": "opinion", "review": "opinion", "criticreview": "opinion",
    "backgroundnewsarticle": "explainer", "claimreview": "explainer", "faqpage": "explainer",
    "howto": "explainer", "medicalwebpage": "explainer", "askpublicnewsarticle": "explainer",
    "liveblogposting": "roundup", "collectionpage": "roundup", "itemlist": "roundup",
    "offer": "deals", "aggregateoffer": "deals",
    "podcastepisode": "media", "podcastseries": "media", "videoobject": "media",
    "audioobject": "media", "episode": "media", "radioepisode": "media",
    "recipe": "other", "techarticle": "other", "apireference": "other", "qapage": "other",
    "discussionforumposting": "other", "softwareapplication": "other", "softwaresourcecode": "other",
}
_ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenewsarticle", "report",
                  "scholarlyarticle", "opinionnewsarticle", "analysisnewsarticle", "liveblogposting"}
# A media object, product or list on an article page is an embed, not the page itself; a list
# or collection page with no article on it is a site's front or section page.
_EMBEDDED = {"videoobject", "audioobject", "product", "offer", "aggregateoffer", "review", "itemlist", "collectionpage"}

_OG_KINDS = (("video", "media"), ("music", "media"), ("product", "deals"))

# Words that name a section, category or tag of one kind ("Opinion", "Fact Check", "Deals").
_TERMS = {
    "opinion": r"opinions?|comment(ary)?|comment is free|editorials?|columns?|columnists?|letters"
               r"|op-?eds?|(?:news )?analysis|reviews?|perspectives?|viewpoints?|essays?",
    "explainer": r"explainers?|explained|fact[- ]?checks?|guides?|how[- ]to|q ?& ?a|faqs?|"
                 r"what you need to know|health explainers?",
    "roundup": r"live|live blog|live updates|(?:[\w ]+ )?(?:newsletters?|briefings?|roundups?|round-ups?)",
    "deals": r"deals?|shopping|coupons?|sales|gift guides?|gifts|buying guides?|best buys",
    "media": r"podcasts?|videos?|watch|audio|listen",
    "other": r"recipes?|docs|documentation|forums?|wiki|community",
}
_TERM = {kind: re.compile(rf"^(?:{words})$") for kind, words in _TERMS.items()}

# URL path segments (whole segments, or a slug's leading word) of each kind.
_PATHS = {
    "opinion": r"opinions?|commentisfree|comment|editorials?|columns?|columnists?|letters|op-?eds?"
               r"|analysis|reviews?|blogs?/opinion|perspectives?|voices|ideas",
    "explainer": r"explainers?|explained|fact-?checks?|factcheck|how-?to|guides?|faqs?|qa",
    "roundup": r"live|live-?news|liveblog|live-updates|newsletters?|briefings?",
    "deals": r"deals?|shopping|coupons?|sales|gift-?guides?|gifts|best-?deals|buying-?guides?",
    "media": r"podcasts?|videos?|watch|audio|listen|tv|shows",
    "other": r"recipes?|docs|documentation|forums?|wiki|questions|threads|r|answers|community|help"
             r"|doi|10\.\d{4,}|fiction|chapter|products",
}
_PATH = {kind: re.compile(rf"^(?:{words})$") for kind, words in _PATHS.items()}

_LABEL_KINDS = ("opinion", "explainer")  # what extract reads by the headline
_TAG_KINDS = ("roundup", "deals", "other")  # tags name topics; only these kinds are safe from them
_OTHER_HOST = re.compile(r"(?:^|\.)(?:github\.com|gitlab\.com|stackoverflow\.com|stackexchange\.com|"
                         r"reddit\.com|readthedocs\.io|fandom\.com|twitter\.com|x\.com|instagram\.com|"
                         r"tiktok\.com)$|^(?:docs|wiki|forums?|community)\.|"
                         r"wiki|encyclopedia|enacademic|dictionary")
_SLUG_KINDS = {"analysis": "opinion", "review": "opinion", "opinion": "opinion", "column": "opinion",
               "editorial": "opinion", "explainer": "explainer", "explained": "explainer",
               "recipe": "other", "podcast": "media", "video": "media"}

_NUMBER = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
# Headline wording of each kind, tried in this order (roundup before explainer: "10 things you
# need to know today" is a roundup, "what you need to know about X" an explainer).
_TITLES = (
    ("roundup", (rf"\b{_NUMBER} (?:things|stories|headlines)\b.{{0,40}}\b(?:know|today|this week|tonight)\b"
                r"|\bopening bell\b|\bclosing bell\b|\bmorning (?:briefing|report|brief|digest)\b"
                r"|\bevening (?:briefing|brief)\b|\b(?:daily|weekly) (?:briefing|brief|digest|roundup)\b"
                r"|\bnewsletter\b|\blive updates\b|\blive blog\b|\bas it happened\b|\bweek in review\b"
                r"|\bnews roundup\b|\bwhat we'?re reading\b|^live:|\blive:\s"
                # a police blotter: unrelated arrests and crashes in one page ("Christian County police blotters")
                # ("LSD blotters" are paper; "police beat" is a column or what the police did, never counted)
                r"|(?<!lsd )(?<!acid )\bblotters?\b|\b(?:police|crime|arrest|sheriff['’]?s?) (?:log|briefs)\s*"
                r"(?:$|[:|–—]|for\b|from\b)")),
    ("deals", r"\b(?:deals|coupons?|promo codes?|discounts?)\b|\b(?:best|top) deals?\b|\bon sale\b"
              # "sale" is a discount ("MacBook sale at Amazon"); "sales" mostly a company's figures
              # ("Nokia Q2 sales fall 24%"), a deal only with a word that makes it an event.
              # "Gabor's home is for sale": a thing being sold, not a discount
              r"|(?<!'s )(?<!’s )(?<!for )\bsale\b(?! (?:to|of|by|price)\b)|\b(?:best|big|biggest|top|holiday|weekend|flash|"
              r"clearance|early|anniversary|summer|spring|winter|end-of-season|labor day|memorial day|"
              r"presidents['’]? day|boxing day|january) sales\b"
              r"|\b(?:where|how) (?:and how )?to buy\b|\b{n} (?:coolest|favou?rite|must-have)\b"
              r"|\b\d+% off\b|\$\d+ off\b|\bfrom \$\d|\bunder \$\d|\bblack friday\b|\bcyber monday\b"
              r"|\bprime day\b|\bgift guide\b|\bbest .{0,30} to buy\b|\b{n} best\b".replace("{n}", _NUMBER)),
    ("opinion", (r"^(?:opinion|op-ed|editorial|column|(?:news )?analysis|review|letters?|commentary|perspective)"
                r"\s*[:|]"
                r"|[|:-]\s*(?:opinion|op-ed|editorial)\s*$|\bletters to the editor\b|^in defen[cs]e of\b"
                r"|^why i\b|^i'm\b|^i am\b|^my\b|^[^:|]{2,60}\breview\s*:")),
    ("explainer", (r"\bguide to\b|\bwhat (?:you need to|to) know\b|\bexplained\b|\bexplainer\b|^how to\b"
                  r"|\bhow to (?!\w+ (?:the )?(?:election|vote))|^what is\b|^what are\b|^why do\b"
                  r"|^why does\b|^why is\b|^what does\b|\bfact[- ]check\b|\bq ?& ?a\b|\bfaq\b"
                  r"|\ba (?:brief |short )?history of\b|\bvs\.? .{2,40}\?$|\bhow do they compare\b"
                  rf"|\beverything you need\b|^{_NUMBER} (?:tips|ways|reasons|steps|signs|mistakes|tricks)\b")),
    ("media", r"^(?:watch|video|listen|podcast)\s*[:|]|\bpodcast\b|\bepisode \d+\b|\(video\)|\[video\]"),
    ("other", (r"\brecipe\b|\blyrics\s*[:|–—-]|\blyrics$|\bdocumentation\b|\binstall(?:ing|ation)? guide\b|\bwiki\b"
              r"|^privacy policy\b|\bprivacy policy$|^about us\b|\bterms of (?:service|use)\b")),
)
_TITLE = tuple((kind, re.compile(words, re.IGNORECASE)) for kind, words in _TITLES)
# The same, case-sensitive, for headlines in lower case (same matches: see kinds.text
# _LOWER), and literals one of which every match of each holds: most headlines (reports) hold
# none, and are not searched.
_TITLE_LOWER = tuple(re.compile(words) for _, words in _TITLES)
_TITLE_NEEDS = {
    "roundup": ("things", "stories", "headlines", "opening bell", "closing bell", "morning ", "evening ",
                "daily ", "weekly ", "newsletter", "live", "as it happened", "week in review", "news roundup",
                "re reading", "blotter", " log", " briefs"),
    "deals": ("deal", "coupon", "promo code", "discount", "sale", "to buy", "coolest", "favo", "must-have",
              "% off", "$", "black friday", "cyber monday", "prime day", "gift guide", "best"),
    "opinion": (":", "|", "opinion", "op-ed", "editorial", "letters to the editor", "in defen", "why i", "i'm",
                "i am", "my"),
    "explainer": ("guide to", "know", "explain", "how to", "what ", "why ", "fact", "&", "faq", "history of",
                  "vs", "compare", "everything you need", "tips", "ways", "reasons", "steps", "signs",
                  "mistakes", "tricks"),
    "media": ("watch", "video", "listen", "podcast", "episode"),
    "other": ("recipe", "lyrics", "documentation", "install", "wiki", "privacy policy", "about us", "terms of"),
}

# How far each source of a signal is trusted; combine() keeps the stronger answer.
_STRENGTH = {"json-ld": 6, "og:type": 5, "section": 4, "label": 4, "category": 3, "tag": 3, "url": 2,
             "title": 1, "text": 0}


def count_text(counts: Mapping[str, int]) -> str:
    """Counts per kind in KINDS order, e.g. "report 12 · opinion 3"; "-" when there are none."""
    return " · ".join(f"{k} {counts[k]}" for k in KINDS if counts.get(k)) or "-"


def strength(signal: str | None) -> int:
    """How trustworthy a signal is (higher wins); -1 for None (the report default)."""
    return _STRENGTH.get((signal or "").split(" ", 1)[0], -1)


def combine(feed: tuple[str, str | None], page: tuple[str, str | None]) -> tuple[str, str | None]:
    """The feed's (kind, signal) against its page's: the page's, unless the feed's answer is
    stronger than both it and any guess from text (the page's text is the fuller one)."""
    return feed if strength(feed[1]) > max(strength(page[1]), _STRENGTH["text"]) else page


def classify(*, title: str, url: str | None, text: str, categories: Sequence[str] = (),
             page: PageMeta | None = None) -> tuple[str, str | None]:
    """Return ``(kind, signal)`` for one entry; ``("report", None)`` when nothing says otherwise."""
    page = page or PageMeta()
    for found in (_from_types(page.types), _from_og(page.og_type, text),
                  _from_terms(page.sections, "section"), _from_terms(page.labels, "label", _LABEL_KINDS),
                  _from_terms(categories, "category"),
                  _from_terms(page.tags, "tag", _TAG_KINDS), _from_url(url), _from_title(title),
                  None if _declares_news(page.types) else from_text(text)):
        # "Any.DO announces Cal ... (video)": a headline flagging an embedded video over an
        # article's length of text is the article, as with og:type video.
        if found and not (found[0] == "media" and found[1].startswith("title") and long_text(text)):
            return found
    return KIND_REPORT, None


def _declares_news(types: Sequence[str]) -> bool:
    """True when the page calls itself a news article: then its section, address or headline
    may still say otherwise, but not guesses from its text (quotes, lists of sums)."""
    return any(t.rsplit("/", 1)[-1].lower() in ("newsarticle", "reportagenewsarticle") for t in types)


def _from_types(types: Sequence[str]) -> tuple[str, str] | None:
    lowered = [t.rsplit("/", 1)[-1].lower() for t in types]
    has_article = any(t in _ARTICLE_TYPES for t in lowered)
    for raw, t in zip(types, lowered):
        kind = _LD_KINDS.get(t)
        if kind and not (has_article and t in _EMBEDDED):
            return kind, f"json-ld {raw.rsplit('/', 1)[-1]}"
    return None


def _from_og(og_type: str | None, text: str) -> tuple[str, str] | None:
    value = (og_type or "").strip().lower()
    for prefix, kind in _OG_KINDS:
        # Some sites tag every story page with a video on it "video.other": a page whose text runs
        # to an article's length is the article, and the other signals decide.
        if value.startswith(prefix) and not (kind == "media" and long_text(text)):
            return kind, f"og:type {value}"
    return None


def _from_terms(terms: Sequence[str], source: str,
                kinds: Sequence[str] = tuple(_TERMS)) -> tuple[str, str] | None:
    for term in terms:
        cleaned = " ".join(term.lower().replace("_", " ").split())
        for kind in kinds:
            if _TERM[kind].match(cleaned):
                return kind, f"{source} {cleaned}"
    return None


def _from_url(url: str | None) -> tuple[str, str] | None:
    if not url:
        return None
    path = url.split("://", 1)[-1].split("?", 1)[0].split("#", 1)[0]
    segments = [s.lower() for s in path.split("/")[1:-1] if s]  # the last one is the slug
    host = path.split("/", 1)[0].lower().removeprefix("www.")
    if not any(path.split("/")[1:]) and "." in host:
        return "roundup", "url front page"  # a site's home page lists many stories
    for segment in segments[:4]:
        for kind, pattern in _PATH.items():
            if pattern.match(segment):
                return kind, f"url /{segment}/"
    if _OTHER_HOST.search(host):
        return "other", f"url {host}"
    # A slug that ends in its kind: ".../xbox-one-x-review", ".../supreme-court-analysis/index.html".
    slugs = [s for s in path.split("/")[1:] if s and not s.startswith("index.")]
    last = re.split(r"[-_]", slugs[-1].rsplit(".", 1)[0].lower())[-1] if slugs else ""
    if last in _SLUG_KINDS:
        return _SLUG_KINDS[last], f"url slug -{last}"
    return None


def _from_title(title: str) -> tuple[str, str] | None:
    # Sites name the section in the title: "Mezcal goes beyond the familiar | Restaurant reviews | …".
    sections = [part.strip() for part in re.split(r"\s[|]\s", title)[1:]]
    found = _from_terms([re.sub(r"^[\w ]*?(?=\b(?:reviews?|opinion|recipes?|podcasts?|deals)\b)", "", p)
                         for p in sections], "title section")
    if found:
        return found
    folded = fold(title)
    for (kind, pattern), lower in zip(_TITLE, _TITLE_LOWER):
        if folded is None:
            match = pattern.search(title)
        elif any(literal in folded for literal in _TITLE_NEEDS[kind]):
            match = lower.search(folded)
        else:
            continue
        if match:  # the lower-case headline keeps every character where it was
            return kind, f"title \"{title[match.start():match.end()].strip()}\""
    return None
