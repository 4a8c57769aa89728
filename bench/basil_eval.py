"""Grouping on real coverage: BASIL's 50 events, told by NYT, Fox News and HuffPost, as a day.

Usage: python bench/basil_eval.py [--messy] [--regroup]

Serves ../shared/corpus/events/basil as three RSS feeds plus one page per article on
loopback, every article re-dated into one 30-hour window (each event's three articles within
three hours of each other, events spread over the window), runs ``digest build`` with
``[articles] fetch = true``, and scores the stories the build stored against BASIL's event
labels: B-cubed precision, recall and F1 over all articles, plus events split and merged.

The years 2010-2012 were used to tune the grouper (``TUNE_YEARS``); 2013-2014 were held
back and are reported on their own as well as with the rest. ``--messy`` adds a fourth feed
of real pages of other kinds from ../shared/corpus/articles (opinion, explainers, recipes,
docs, listicles: bench/data/kind_labels.json lists them), each under its own headline at the
path of its own address, with every date it states taken out and re-dated into the window;
none of them may join a BASIL story and the BASIL figures must not move. ``--regroup``
re-groups what the last build stored without fetching again (for tuning).
Writes bench/basil_results.md (or prints only, with --regroup).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sqlite3
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit
from email.utils import format_datetime
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]

from lxml import html as lxml_html  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from digest.cli import app  # noqa: E402
from digest.extract.page import page_metadata  # noqa: E402
from digest.group import group_entries  # noqa: E402
from digest.store import Store  # noqa: E402
from server import FeedServer  # noqa: E402

CORPUS = Path(os.environ.get("DIGEST_CORPUS") or ROOT.parent / "shared" / "corpus")  # $DIGEST_CORPUS as for the tests
BASIL = CORPUS / "events" / "basil"
LABELS = ROOT / "bench" / "data" / "kind_labels.json"
RESULTS = ROOT / "bench" / "basil_results.md"
WORK = Path(tempfile.gettempdir()) / "digest-basil-bench"
TUNE_YEARS = ("2010", "2011", "2012")  # looked at while tuning; 2013-2014 held back
NOW = datetime(2026, 11, 24, 6, 0, tzinfo=timezone.utc)
WINDOW = timedelta(hours=30)
OUTLETS = {"nyt": "New York Times", "fox": "Fox News", "hpo": "HuffPost"}


# --- the day ---------------------------------------------------------------------------------


def load_basil() -> list[dict]:
    """Every BASIL article with its year, sorted by (event, source) for a stable order."""
    articles = []
    for path in sorted(BASIL.glob("*/*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc["year"] = path.parent.name
        doc["slug"] = path.stem
        doc["source"] = doc["source"].lower()
        articles.append(doc)
    return articles


def redate(articles: list[dict], *, seed: int = 11) -> dict[str, datetime]:
    """slug -> time in the window: events spread over it, each event's articles within 3 h."""
    rng = random.Random(seed)
    events = sorted({a["triplet-uuid"] for a in articles})
    start = NOW - WINDOW
    base = {ev: start + timedelta(hours=rng.uniform(0.5, 26.5)) for ev in events}
    return {a["slug"]: base[a["triplet-uuid"]] + timedelta(minutes=rng.uniform(0, 180))
            for a in articles}


def page_html(title: str, paragraphs: list[str], *, when: datetime, kind_type: str = "NewsArticle") -> bytes:
    """An article page as a news site serves it: metadata in the head, the text in <article>."""
    ld = json.dumps({"@context": "https://schema.org", "@type": kind_type, "headline": title,
                     "datePublished": when.isoformat()})
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(title)}</title>"
            f"<meta property='og:type' content='article'>"
            f"<script type='application/ld+json'>{ld}</script></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/politics'>Politics</a></nav>"
            f"<article><h1>{escape(title)}</h1><time datetime='{when.isoformat()}'>"
            f"{when:%B %d, %Y}</time>{body}</article><footer>© Example</footer></body></html>"
            ).encode()


def rss(items: list[tuple[str, str, str, datetime]], name: str) -> bytes:
    """An RSS 2.0 body of (title, link, description, published) items."""
    out = [f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{escape(name)}"
           "</title><link>http://example.com/</link><description>bench</description>"]
    for title, link, description, when in items:
        out.append(f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
                   f"<guid>{escape(link)}</guid><description>{escape(description)}</description>"
                   f"<pubDate>{format_datetime(when)}</pubDate></item>")
    out.append("</channel></rss>")
    return "".join(out).encode("utf-8")


# The page's own publication date, in the forms digest reads; taken out of the mixed-in pages so
# that they are re-dated into the window like BASIL (with their real dates, years old, they
# would be left out as old news before grouping ever saw them).
# Their own address (og:url, rel=canonical) goes too: digest reads the day in it (/2015/03/18/).
_OWN_DATE = re.compile(rb'"datePublished"\s*:\s*"[^"]*"\s*,?|<meta[^>]+(?:published_time|datePublished'
                       rb'|(?:name|property|itemprop)=["\']?date\b|og:url)[^>]*>|<link[^>]+canonical[^>]*>'
                       rb'|(<time[^>]*?)\sdatetime=(?:"[^"]*"|\'[^\']*\'|[^\s>]+)', re.IGNORECASE)


def messy_pages() -> list[tuple[str, str, bytes, str]]:
    """(slug, kind, page, path) for the labelled non-report pages of the corpus, as served
    (their own dates taken out) at the path of their own address, as a feed links them."""
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["pages"]
    out, paths = [], set()
    for n, p in enumerate(labels):
        if p["kind"] == "report":
            continue
        raw = (CORPUS / "articles" / p["path"]).read_bytes()
        path = own_path(raw)
        path = path if path and path not in paths else f"/mix/x{n}.html"
        paths.add(path)
        out.append((f"x{n}", p["kind"], _OWN_DATE.sub(lambda m: m.group(1) or b"", raw), path))
    return out


def own_path(page: bytes) -> str | None:
    """The path of the page's own address (og:url, else rel=canonical), or None."""
    tree = lxml_html.fromstring(page)
    url = next((m.get("content") for m in tree.iterfind(".//meta[@property='og:url']")), None)
    url = url or next((link.get("href") for link in tree.iterfind(".//link[@rel='canonical']")), None)
    path = urlsplit(url or "").path
    return path if len(path) > 1 else None


def address_days() -> dict[str, str]:
    """slug -> the day a mixed-in page's own address names (/2015/03/18/), for those naming
    one: the bench takes it out, a real build reads it as the page's date."""
    days = {slug: page_metadata(f"<link rel='canonical' href='http://host{path}'>").published
            for slug, _, _, path in messy_pages()}
    return {slug: day.date().isoformat() for slug, day in days.items() if day}


def headline(page: bytes) -> str:
    """The page's headline as its feed would give it: og:title, else <title>."""
    tree = lxml_html.fromstring(page)
    title = next((m.get("content") for m in tree.iterfind(".//meta[@property='og:title']")), None)
    return " ".join((title or tree.findtext(".//title") or "").split())


def serve_day(messy: bool) -> tuple[dict[str, bytes], dict[str, str]]:
    """The bodies to serve (path -> bytes, links filled in later) and the day: slug -> time,
    slug (BASIL) or served path (mixed-in pages) -> gold event, the BASIL articles."""
    articles = load_basil()
    when = redate(articles)
    bodies: dict[str, bytes] = {}
    gold = {}
    for a in articles:
        paragraphs = [" ".join(p) for p in a["body-paragraphs"]]
        bodies[f"/{a['source']}/{a['slug']}.html"] = page_html(a["title"], paragraphs, when=when[a["slug"]])
        gold[a["slug"]] = f"{a['year']}/{a['triplet-uuid']}"
    if messy:
        rng = random.Random(5)
        for slug, kind, page, path in messy_pages():
            bodies[path] = page
            when[slug] = NOW - timedelta(hours=rng.uniform(0.5, 29))
            gold[path] = f"{kind}:{slug}"
    return bodies, {"when": when, "gold": gold, "articles": articles}  # type: ignore[dict-item]


def feed_bodies(base: str, day: dict, messy: bool) -> dict[str, bytes]:
    """The three outlets' feeds (and the mixed feed) linking to pages under ``base``."""
    when, items = day["when"], defaultdict(list)
    for a in day["articles"]:
        lead = " ".join(a["body-paragraphs"][0]) if a["body-paragraphs"] else ""
        items[a["source"]].append((a["title"], f"{base}/{a['source']}/{a['slug']}.html", lead,
                                   when[a["slug"]]))
    feeds = {f"/{src}.rss": rss(sorted(v, key=lambda i: i[3]), OUTLETS[src]) for src, v in items.items()}
    if messy:
        mix = [(headline(page), f"{base}{path}", "", when[slug]) for slug, _, page, path in messy_pages()]
        feeds["/mix.rss"] = rss(mix, "Mixed")
    return feeds


# --- the build and the score -------------------------------------------------------------------


def run_build(messy: bool) -> tuple[Path, dict[str, str], float]:
    """Serve the day, run `digest build`; return the store path, uid -> gold, build seconds."""
    bodies, day = serve_day(messy)
    server = FeedServer(bodies, delay=0.0)
    base = server.urls()[0].rsplit("/", 2)[0]
    server.bodies.update(feed_bodies(base, day, messy))
    WORK.mkdir(exist_ok=True)
    store = WORK / ("messy.sqlite3" if messy else "day.sqlite3")
    store.unlink(missing_ok=True)
    feeds = sorted(p for p in server.bodies if p.endswith(".rss"))
    config = WORK / "config.toml"
    config.write_text(_config(base, feeds, store), encoding="utf-8")
    with server:
        start = time.perf_counter()
        result = CliRunner().invoke(app, ["build", "--config", str(config), "--out", str(WORK / "out"),
                                          "--now", NOW.isoformat()])
        seconds = time.perf_counter() - start
    if result.exit_code:
        raise SystemExit(f"digest build failed: {result.output}")
    print(result.output.strip().splitlines()[-1])
    return store, _gold_by_uid(store, day["gold"]), seconds


def _config(base: str, feeds: list[str], store: Path) -> str:
    names = {"/mix.rss": "Mixed", **{f"/{k}.rss": v for k, v in OUTLETS.items()}}
    tables = "".join(f'[[feeds]]\nname = "{names[f]}"\nurl = "{base}{f}"\n\n' for f in feeds)
    return (f'[digest]\ntitle = "BASIL day"\nmax_stories = 100\nlookback_hours = 36\n\n{tables}'
            f'[articles]\nfetch = true\n\n[store]\npath = "{store}"\n\n'
            '[fetch]\nper_host = 8\n\n[email]\nfrom = "Bench <b@example.com>"\nto = ["r@example.com"]\n')


def _gold_by_uid(store: Path, gold: dict[str, str]) -> dict[str, str]:
    """uid -> gold event, via each stored entry's link: its path (a mixed-in page) or its slug."""
    with sqlite3.connect(store) as db:
        rows = db.execute("SELECT uid, link FROM entries").fetchall()
    path = {uid: urlsplit(link).path for uid, link in rows}
    return {uid: gold.get(path[uid]) or gold[path[uid].rsplit("/", 1)[1].removesuffix(".html")] for uid, _ in rows}


def stored_stories(store: Path) -> dict[str, str]:
    """uid -> story id as the build stored them."""
    with sqlite3.connect(store) as db:
        return dict(db.execute("SELECT uid, story_id FROM story_members").fetchall())


def regroup(store: Path) -> dict[str, str]:
    """Group the stored entries again (article text included) with the current code."""
    with Store.open(store) as st:
        entries = st.recent_entries(NOW - timedelta(hours=36), until=NOW)
        texts = st.article_texts(e.link for e in entries if e.link)
    from dataclasses import replace
    full = [replace(e, content=texts.get(e.link or "", "") or e.content) for e in entries]
    return {e.uid: s.id for s in group_entries(full) for e in s.entries}


def score(predicted: dict[str, str], gold: dict[str, str], keep: set[str] | None = None) -> dict:
    """B-cubed P/R/F1 over the entries whose gold event is in ``keep`` (all when None), plus
    events split over several stories and stories mixing several events."""
    uids = [u for u in predicted if u in gold and (keep is None or gold[u] in keep)]
    by_story, by_event = defaultdict(set), defaultdict(set)
    for u in uids:
        by_story[predicted[u]].add(u)
        by_event[gold[u]].add(u)
    p = sum(len(by_story[predicted[u]] & by_event[gold[u]]) / len(by_story[predicted[u]]) for u in uids)
    r = sum(len(by_story[predicted[u]] & by_event[gold[u]]) / len(by_event[gold[u]]) for u in uids)
    n = len(uids) or 1
    p, r = p / n, r / n
    split = sum(len({predicted[u] for u in members}) > 1 for members in by_event.values())
    merged = sum(len({gold[u] for u in members}) > 1 for members in by_story.values())
    return {"articles": len(uids), "events": len(by_event), "p": p, "r": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0, "split": split, "merged": merged}


def foreign_joins(predicted: dict[str, str], gold: dict[str, str]) -> list[str]:
    """Mixed-in pages (gold not a BASIL event) that share a story with anything else."""
    members = Counter(predicted.values())
    return [gold[u] for u, s in predicted.items() if ":" in gold[u] and members[s] > 1]


def rows_for(predicted: dict[str, str], gold: dict[str, str]) -> list[tuple[str, dict]]:
    basil = {g for g in gold.values() if ":" not in g}
    tune = {g for g in basil if g.split("/")[0] in TUNE_YEARS}
    return [("all BASIL", score(predicted, gold, basil)),
            (f"tuned on ({', '.join(TUNE_YEARS)})", score(predicted, gold, tune)),
            ("held out (2013, 2014)", score(predicted, gold, basil - tune))]


def table(rows: list[tuple[str, dict]]) -> list[str]:
    out = ["| part | articles | events | B³ precision | B³ recall | B³ F1 | events split | stories merging events |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, s in rows:
        out.append(f"| {name} | {s['articles']} | {s['events']} | {s['p']:.3f} | {s['r']:.3f} | "
                   f"**{s['f1']:.3f}** | {s['split']} | {s['merged']} |")
    return out


def mistakes(predicted: dict[str, str], gold: dict[str, str], titles: dict[str, str]) -> list[str]:
    """One line per event split or story merging events, with headlines."""
    by_story = defaultdict(list)
    for u, s in predicted.items():
        by_story[s].append(u)
    lines = []
    for event in sorted({g for g in gold.values() if ":" not in g}):
        stories = {predicted[u] for u in predicted if gold.get(u) == event}
        if len(stories) > 1:
            lines.append(f"- split {event}: " + " / ".join(
                "; ".join(titles[u][:60] for u in by_story[s] if gold[u] == event) for s in sorted(stories)))
    for _, uids in sorted(by_story.items()):
        if len({gold[u] for u in uids}) > 1:
            lines.append("- merged: " + " | ".join(f"[{gold[u]}] {titles[u][:60]}" for u in uids))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messy", action="store_true", help="mix in real pages of other kinds")
    parser.add_argument("--regroup", action="store_true", help="re-group the last build's store")
    args = parser.parse_args(argv)
    results = {}
    for messy in ([False, True] if args.messy else [False]):
        if args.regroup:
            store = WORK / ("messy.sqlite3" if messy else "day.sqlite3")
            _, day = serve_day(messy)
            gold, seconds = _gold_by_uid(store, day["gold"]), 0.0
            predicted = regroup(store)
        else:
            store, gold, seconds = run_build(messy)
            predicted = stored_stories(store)
        with sqlite3.connect(store) as db:
            titles = dict(db.execute("SELECT uid, title FROM entries").fetchall())
            kinds = Counter(dict(db.execute("SELECT uid, kind FROM entries").fetchall())[u]
                            for u in titles if ":" in gold[u])
        results[messy] = (rows_for(predicted, gold), foreign_joins(predicted, gold),
                          mistakes(predicted, gold, titles), seconds, kinds)
        for line in table(results[messy][0]) + results[messy][2]:
            print(line)
        print("mixed-in pages joined to a story:", results[messy][1] or "none")
    if not args.regroup:
        RESULTS.write_text(report(results), encoding="utf-8")
    return 0


def report(results: dict) -> str:
    lines = ["# Grouping on real coverage (BASIL)", "",
             "Produced by `python bench/basil_eval.py --messy`: 50 real events of 2010-2014 from "
             "../shared/corpus/events/basil (NYT, Fox News, HuffPost), served as three RSS feeds and "
             "one page per article on loopback, re-dated into one 30-hour window, through "
             "`digest build` with `[articles] fetch = true`. The grouper was tuned looking at "
             f"{', '.join(TUNE_YEARS)} only; 2013-2014 were held back.", ""]
    for messy, (rows, foreign, wrong, seconds, kinds) in results.items():
        lines += [f"## {'A messy day: BASIL plus real pages of other kinds' if messy else 'BASIL alone'}", "",
                  f"Build time {seconds:.1f} s.", ""] + table(rows) + [""]
        if messy:
            days = address_days()
            joined = [g + (f", its own address dated {days[g.split(':')[1]]}: a real build leaves it out "
                           "as old news" if g.split(":")[1] in days else "") for g in foreign]
            lines += [f"Mixed-in pages that joined any story: {len(foreign)}"
                      + (f" ({'; '.join(joined)})" if foreign else ""), "",
                      f"The {len(messy_pages())} labelled non-report pages of bench/data/kind_labels.json "
                      "are mixed in (x<n> is the n-th page of that file), as a fourth feed giving each "
                      "its own headline and linking it at the path of its own address; every date the "
                      "page states (JSON-LD, meta tags, `<time datetime>`, the day in its og:url or "
                      "canonical address) is taken out so that it is re-dated into the window. The build "
                      "called them: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ". "
                      "The BASIL figures move with the batch because IDF and what counts as a name come "
                      "from the batch being grouped: more text shows more words in lower case.", ""]
        lines += ["Mistakes:", ""] + (wrong or ["- none"]) + [""]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
