"""The stages a build with nothing new need not redo: grouping, the briefs and the email.

Each is looked up in the store's build cache under a fingerprint of everything it reads
(``digest.memo``), and computed and saved only when it is not there, so a reused result is the
one the stage would compute again and the files stay byte-identical.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from digest.config import Config
from digest.group import group_entries
from digest.mail import build_message, message_bytes
from digest.memo import brief_from_json, brief_to_json, describe, fingerprint
from digest.model import Brief, Digest, Entry, RankedStory, Story
from digest.output import json_bytes
from digest.render import (Rendered, RenderSettings, demote_briefs, render_digest, render_inputs, rendered_from_json,
                           rendered_to_json, xml_safe_digest)
from digest.schema import digest_to_dict
from digest.store import Store
from digest.summarise import Summariser, summarise_all

log = logging.getLogger(__name__)


def group_stories(entries: Sequence[Entry], *, store: Store, now: datetime) -> list[Story]:
    """Group ``entries`` into stories, or reuse the grouping of a build that saw the same ones."""
    known = store.story_ids(e.uid for e in entries)
    key = fingerprint("group", entries, sorted(known.items()))
    saved = store.cached([key]).get(key)
    if saved is not None:
        log.info("entries unchanged since the last build: its grouping reused")
        by_uid = {e.uid: e for e in entries}
        return [Story(id=i, entries=tuple(by_uid[u] for u in uids)) for i, uids in json.loads(saved)]
    stories = list(group_entries(entries, known=known))
    members = json.dumps([[s.id, [e.uid for e in s.entries]] for s in stories], separators=(",", ":"))
    # The next build sees the ids saved from this grouping as known: file it under that too.
    # Grouping keeps a story's known id, so with its own ids as known it groups the same.
    after = sorted({**known, **{e.uid: s.id for s in stories for e in s.entries}}.items())
    store.save_cached([(key, members), (fingerprint("group", entries, after), members)], now=now)
    return stories


def summarise_stories(ranked: Sequence[RankedStory], *, summariser: Summariser, store: Store,
                      now: datetime) -> tuple[Brief, ...]:
    """One brief per ranked story; a story whose every input is unchanged reuses its brief.

    A backend that writes all briefs at once (the language model) keeps its own cache of
    answers and reports what it asked and reused: it is always called.
    """
    if getattr(summariser, "summarise_all", None):
        return summarise_all(summariser, ranked)
    keys = [fingerprint("brief", [r], describe(summariser)) for r in ranked]
    saved = store.cached(keys)
    fresh = iter(summarise_all(summariser, [r for k, r in zip(keys, ranked) if k not in saved]))
    briefs = tuple(brief_from_json(saved[k]) if k in saved else next(fresh) for k in keys)
    store.save_cached([(k, brief_to_json(b)) for k, b in zip(keys, briefs) if k not in saved],
                      now=now)
    log.info("%d brief(s) written, %d reused", len(keys) - len(saved), len(saved))
    return briefs


def render_files(digest: Digest, config: Config, *, now: datetime,
                 store: Store | None = None) -> tuple[Digest, Rendered, dict[str, bytes]]:
    """Render the email in every format; return the digest as rendered, the email and the files.

    With ``store``, an email rendered before from the same stories, settings, templates and code
    is reused (digest.eml is still made anew: its Date is ``now``).
    """
    settings = RenderSettings.from_config(config)
    rendered = _render_reusing(digest, settings, store=store, now=now) if store else render_digest(
        digest, settings=settings)
    digest = rendered.digest or digest  # briefs that did not fit the size budget moved to "More stories"
    message = build_message(rendered, email=config.email, now=now)
    files = {
        "digest.mjml": rendered.mjml.encode("utf-8"),
        "digest.html": rendered.html.encode("utf-8"),
        "digest.txt": rendered.text.encode("utf-8"),
        "digest.eml": message_bytes(message),
        "digest.json": json_bytes(digest_to_dict(digest)),
    }
    return digest, rendered, files


def _render_reusing(digest: Digest, settings: RenderSettings, *, store: Store, now: datetime) -> Rendered:
    """``render_digest``'s email, or the one saved for the same inputs (MJML and premailer are
    most of a build that has nothing new: ~0.2 s)."""
    key = fingerprint("render", [digest.title, digest.date, digest.intro, digest.stories, digest.more],
                      repr(settings), render_inputs(settings.templates_dir))
    saved = store.cached([_LAST_RENDER]).get(_LAST_RENDER)
    found = rendered_from_json(saved, inputs=key) if saved is not None else None
    if found is not None:
        rendered, moved = found
        edition = xml_safe_digest(digest)
        return replace(rendered, digest=demote_briefs(edition, moved) if moved else edition)
    rendered = render_digest(digest, settings=settings)
    moved = len(digest.stories) - len((rendered.digest or digest).stories)
    store.save_cached([(_LAST_RENDER, rendered_to_json(rendered, moved, inputs=key))], now=now)
    return rendered


# Only the last email is kept (~100-200 KB): it is what a build with nothing new renders again.
_LAST_RENDER = "render:last"
