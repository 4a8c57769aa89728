"""Article pages: each linked page fetched once (ever), its main text extracted, its kind and
its own date read, and an entry given what its page adds.

A page's text replaces the feed's when it is fuller; the page's kind is weighed against the
entry's; a page date more than a day from the feed's dates the entry, and an entry whose page
dates it before the window is old news re-dated by its feed (``split_stale``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from digest.extract import extract_article
from digest.extract.page import page_metadata
from digest.fetch import Fetcher, FetchRequest
from digest.kinds import PageMeta, classify, combine
from digest.model import Entry
from digest.store import Store
from digest.store.entries import PageFacts

log = logging.getLogger(__name__)

PAGE_DATE = "page date"  # date_note of an entry dated by its page rather than its feed
PAGE_DATE_SLACK = timedelta(days=1)  # feed and page dates closer than this are the same date


def add_article_text(entries: Sequence[Entry], *, now: datetime, fetcher: Fetcher,
                     store: Store) -> list[Entry]:
    """Fetch each linked page once (ever), extract its main text, and use it when it is fuller."""
    links = list(dict.fromkeys(e.link for e in entries if e.link))
    texts, facts = store.article_texts(links), store.page_facts(links)
    fetch_articles(entries, now=now, fetcher=fetcher, store=store, texts=texts, facts=facts)
    out = [_with_page(e, texts.get(e.link or "", ""), facts.get(e.link or "")) for e in entries]
    store.save_kinds((e.uid, e.kind, e.kind_signal) for e in out if e.link in facts)
    return out


def fetch_articles(entries: Sequence[Entry], *, now: datetime, fetcher: Fetcher, store: Store,
                   texts: dict[str, str], facts: dict[str, PageFacts]) -> int:
    """Fetch the linked pages not in ``texts`` yet, store them and add them to ``texts`` and
    ``facts``; return how many were fetched."""
    todo = {e.link: e for e in entries if e.link and e.link not in texts}
    requests = [
        FetchRequest(url=link, trusted=False, origin_host=urlsplit(e.feed_url).hostname)
        for link, e in todo.items()
    ]
    for link, resp in zip(todo, fetcher.fetch_all(requests, label="articles")):
        readable = resp.status == 200 and not resp.error
        text = extract_article(resp.body, url=resp.final_url) if readable else ""
        page = page_metadata(resp.body) if readable else PageMeta()
        kind, signal = classify(title=todo[link].title, url=resp.final_url or link, text=text, page=page)
        facts[link] = PageFacts(kind=kind, kind_signal=signal, published=page.published)
        error = resp.error or (None if text else "no article text found")
        store.save_article(link, text, now=now, error=error, page=facts[link])
        texts[link] = text
    return len(todo)


def _with_page(entry: Entry, text: str, page: PageFacts | None) -> Entry:
    """The entry with its page's text (when fuller), its kind weighed against the page's, and
    the page's own date when it differs from the feed's by more than a day."""
    if len(text) > len(entry.text):
        entry = replace(entry, content=text)
    if page is None:
        return entry
    if page.kind:
        kind, signal = combine((entry.kind, entry.kind_signal), (page.kind, page.kind_signal))
        entry = replace(entry, kind=kind, kind_signal=signal)
    when = page.published
    if when and (entry.published is None or abs(when - entry.published) > PAGE_DATE_SLACK):
        entry = replace(entry, published=when, date_note=PAGE_DATE)
    return entry


def split_stale(entries: Sequence[Entry], *, since: datetime) -> tuple[list[Entry], list[Entry]]:
    """(kept, left out): an entry whose page dates it before ``since`` is old news re-dated by
    its feed, and is left out (logged with its URL)."""
    kept, stale = [], []
    for entry in entries:
        if entry.published and entry.published < since and entry.date_note == PAGE_DATE:
            log.warning("left out %s: its page is dated %s, before the lookback", entry.link,
                        entry.published.date().isoformat())
            stale.append(entry)
        else:
            kept.append(entry)
    return kept, stale
