"""Same outputs, less CPU: the kinds, clean/entries and grouping stages against a base commit.

Usage:
    python bench/cpu_same.py [--base REF] [--quick] [--runs N]
    python bench/cpu_same.py record OUT [--quick]   (outputs of the importable digest, to OUT)
    python bench/cpu_same.py time                  (one timing round of the importable digest, JSON)

The default command extracts ``digest/`` of REF (default: the commit this work started from)
into a temporary folder, records the outputs of that old code and of the working tree on a
broad input set, and says whether every one is identical; then times both, rounds
interleaved, and prints medians. Inputs (all read in place, nothing copied):

- every page under ../shared/corpus/articles through extract + page_metadata + classify
  (as bench/kind_eval.py judges a page), and every BASIL article served as bench/basil_eval.py
  serves it (its page through the same steps, its paragraphs through html_to_text);
- every file under ../shared/corpus/feeds and samples/ through parse_feed (every field of
  every entry), and every HTML field parse_feed cleaned on the way through html_to_text/plain;
- the bench workload of issue 14 (news_feeds(4000, feeds=200, seed=3)) through parse_feed;
- grouping (story ids and their entries in order) of the 5k and 20k pipeline workloads
  (news_feeds, parsed), group_eval's synthetic 5k and 20k days, its labelled sets (with and
  without distractors) and the BASIL articles re-dated into one day.

Outputs are compared as SHA-256 digests of each item's repr, named, so a difference says where.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE = "12a5887"  # the branch point of this work
CORPUS = Path(os.environ.get("DIGEST_CORPUS") or ROOT.parent / "shared" / "corpus")
NOW = datetime(2026, 11, 24, tzinfo=UTC)
Outputs = dict[str, str]  # item name -> digest of its output


def _import_digest(code: Path) -> None:
    """Import the digest package from ``code`` before any bench module puts ROOT first."""
    sys.path[:0] = [str(code)]
    import digest.extract  # noqa: F401
    import digest.group  # noqa: F401
    import digest.kinds  # noqa: F401
    import digest.parse  # noqa: F401
    sys.path[:0] = [str(ROOT / "bench")]


def _digest(value: object) -> str:
    return hashlib.sha256(repr(value).encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _attempt(work: Callable[[], object]) -> object:
    """The result of ``work``, or the exception it raised (a raise must stay a raise)."""
    try:
        return work()
    except Exception as error:  # noqa: BLE001 - recorded as an output
        return f"raised {type(error).__name__}: {error}"


# --- inputs -----------------------------------------------------------------------------------


def _judge_page(page: bytes) -> tuple[object, ...]:
    """(extracted text, kind, signal) of one page, as kind_eval judges it."""
    from kind_eval import title_and_url

    from digest.extract import extract_article
    try:
        from digest.extract.page import page_metadata
    except ImportError:  # a base from before extract became a package
        from digest.extract import page_metadata  # type: ignore[attr-defined,no-redef]
    from digest.kinds import classify
    title, url = title_and_url(page)
    text = extract_article(page, url=url)
    return text, classify(title=title, url=url, text=text, page=page_metadata(page))


def article_outputs() -> Iterator[tuple[str, object]]:
    """Every corpus article page, judged."""
    for path in sorted((CORPUS / "articles").rglob("*.html")):
        yield f"article {path.relative_to(CORPUS)}", _attempt(lambda p=path: _judge_page(p.read_bytes()))


def basil_outputs() -> Iterator[tuple[str, object]]:
    """Every BASIL article: its served page judged, its paragraphs cleaned."""
    from basil_eval import load_basil, page_html, redate

    from digest.parse.clean import html_to_text
    articles = load_basil()
    days = redate(articles)
    for a in articles:
        paragraphs = [" ".join(p) for p in a["body-paragraphs"]]
        page = page_html(a["title"], paragraphs, when=days[a["slug"]])
        yield f"basil page {a['slug']}", _attempt(lambda page=page: _judge_page(page))
        yield f"basil text {a['slug']}", [html_to_text(p) for p in paragraphs]


def corpus_paragraphs() -> list[str]:
    """Every paragraph of every corpus page (its whole text) and BASIL article, in a fixed order."""
    from basil_eval import load_basil

    from digest.parse.clean import html_to_text
    texts = [html_to_text(p.read_text(encoding="utf-8", errors="replace"))
             for p in sorted((CORPUS / "articles").rglob("*.htm*"))]
    texts += ["\n\n".join(" ".join(p) for p in a["body-paragraphs"]) for a in load_basil()]
    return [p for text in texts for p in text.split("\n\n")]


def kinds_outputs() -> Iterator[tuple[str, object]]:
    """The text and headline rules on many lengths and mixes: every run of 2, 5, 12 and 40
    paragraphs of the corpus as a text (as written, in upper case and in title case), and every
    short paragraph as a headline."""
    from digest.kinds import classify
    from digest.kinds.text import from_text
    paragraphs = corpus_paragraphs()
    for size in (2, 5, 12, 40):
        for start in range(0, len(paragraphs), size):
            text = "\n\n".join(paragraphs[start : start + size])
            yield f"text {size} #{start}", [from_text(t) for t in (text, text.upper(), text.title())]
    for n, line in enumerate(p for p in paragraphs if len(p) < 200):
        yield f"headline #{n}", [classify(title=t, url=None, text="") for t in (line, line.upper(), line.title())]


class FieldLog:
    """Records what parse_feed hands to html_to_text, plain and safe_link (wrapping them)."""

    def __init__(self) -> None:
        import digest.parse as parse
        self.parse, self.fields = parse, {"html_to_text": [], "plain": [], "safe_link": []}
        self.originals = {name: getattr(parse, name) for name in self.fields}

    def __enter__(self) -> FieldLog:
        for name, original in self.originals.items():
            setattr(self.parse, name, self._wrap(name, original))
        return self

    def _wrap(self, name: str, original: Callable[..., object]) -> Callable[..., object]:
        def logged(*args: object) -> object:
            self.fields[name].append(args)
            return original(*args)
        return logged

    def __exit__(self, *_: object) -> None:
        for name, original in self.originals.items():
            setattr(self.parse, name, original)


def feed_files() -> list[Path]:
    """Every corpus feed file and bundled sample, in a fixed order."""
    return sorted(p for p in (CORPUS / "feeds").rglob("*") if p.is_file()) + sorted((ROOT / "samples").glob("*"))


def feed_outputs(fields: FieldLog) -> Iterator[tuple[str, object]]:
    """Every corpus feed and sample through parse_feed (logging the fields it cleans)."""
    from digest.parse import parse_feed
    for path in feed_files():
        with fields:
            parsed = _attempt(lambda p=path: parse_feed(p.read_bytes(), feed_name=p.stem,
                                                        feed_url=f"https://feeds.test/{p.name}", now=NOW))
        yield f"feed {path.name} {path.parent.name}", parsed


def field_outputs(fields: FieldLog) -> Iterator[tuple[str, object]]:
    """Every logged field again, directly: html_to_text and plain of it."""
    from digest.parse.clean import html_to_text, plain
    from digest.parse.entries import safe_link
    for name, work in (("html_to_text", html_to_text), ("plain", plain), ("safe_link", safe_link)):
        for n, args in enumerate(fields.fields[name]):
            yield f"{name} #{n}", _attempt(lambda w=work, a=args: w(*a))  # type: ignore[operator]


EDGE_HTML = ("<p>a</p>", "<P>a</P>", "<p>a\r\nb</p>", "<p>a\r\rb</p>", "<p>&amp; b</p>", "Tom &amp; Jerry",
             "AT&T and R&D", "&#39;quoted&#39; &quot;x&quot;", "&copy 2024 &nbsp;x", "&#150; &#x2014; &#0; &#xD800;",
             " \n<p>x</p>\n\n<p>y</p>  ", "<p>a</p>text", "<p>a<p>b</p>", "<p></p>", "<p> </p><p>\u00a0</p>",
             "<p>a\u2028b</p>", "<p>a\n\n\nb</p>", "<p>1 > 0</p>", "<p class='x'>a</p>", "<p>a</p><br><p>b</p>",
             "<p>naïve café — “quoted”</p>", "<p>\U0001F600 emoji</p>", "<?xml version='1.0'?><p>a</p>",
             "<p>a\x00b\x0cc\x85d</p>", "<p>\ufeffbom</p>", "\t<p>tab</p>\t")
EDGE_LINKS = ("http://a.com", "http://a.com/", "http://a.com?", "http://a.com/#", "http://a.com/x;p?q#f",
              "HTTP://A.COM/x", "http://user@a.com/", "http://[::1]/", "http://a..b/", "http://-a.com/",
              "https://a.com:99999/x", "http://a.com:/x", "http://a.com/x y", "http://ä.com/", "//a.com/x", "/x",
              "x", "javascript:alert(1)", "http://a.com/../x", "http://a.com?x#", "http://a.com#frag?x",
              " http://a.com ", "http://a.com\t/x", "http://a.com/p?q;r", "http://a.com/p?a=1&b=2#top", "http:x",
              "https://", "http:///x", "ftp://a.com/", "http://a.com/%zz", "http://a.com/[x]", "http://a_b.com/")
EDGE_BASES = ("http://base.test/feed", "https://base.test/dir/", "corpus:x", "")


def edge_outputs() -> Iterator[tuple[str, object]]:
    """Hand-made edges of the cleaning and link rules."""
    from digest.parse.clean import html_to_text, plain
    from digest.parse.entries import safe_link
    for n, html in enumerate(EDGE_HTML):
        yield f"edge html #{n}", [_attempt(lambda w=work, h=html: w(h)) for work in (html_to_text, plain)]
    for n, link in enumerate(EDGE_LINKS):
        yield f"edge link #{n}", [safe_link(link, base) for base in EDGE_BASES]


def parse_bodies(bodies: list[tuple[str, bytes]]) -> list[object]:
    """Every entry of the workload bodies, feed by feed."""
    from digest.parse import parse_feed
    return [e for name, body in bodies
            for e in parse_feed(body, feed_name=name, feed_url=f"https://bench.test/{name}", now=NOW).entries]


def workload_outputs() -> Iterator[tuple[str, object]]:
    """The 4,000 entries of issue 14's workload, each."""
    from workloads import news_feeds
    for entry in parse_bodies(news_feeds(4000, feeds=200, seed=3)):
        yield f"workload {entry.uid}", entry  # type: ignore[attr-defined]


def _stories(entries: list[object]) -> list[tuple[str, list[str]]]:
    from digest.group import group_entries
    return [(s.id, [e.uid for e in s.entries]) for s in group_entries(entries)]  # type: ignore[arg-type]


def _basil_entries() -> list[object]:
    from basil_eval import load_basil, redate

    from digest.model import Entry
    articles = load_basil()
    days = redate(articles)
    return [Entry(uid=a["slug"], feed=a["source"], feed_url=f"https://{a['source']}.test/rss", title=a["title"],
                  link=a.get("url"), summary=" ".join(a["body-paragraphs"][0]) if a["body-paragraphs"] else "",
                  content="\n\n".join(" ".join(p) for p in a["body-paragraphs"]), published=days[a["slug"]])
            for a in articles]


def group_sets(quick: bool) -> dict[str, Callable[[], list[object]]]:
    """Named batches of entries to group."""
    import group_eval
    from workloads import news_feeds
    sets: dict[str, Callable[[], list[object]]] = {
        "pipeline 5k": lambda: parse_bodies(news_feeds(5000)),
        "synthetic 5k": lambda: group_eval.synthetic_day(5000)[0],
        "basil": _basil_entries,
        "distractors": lambda: group_eval.load_distractors()[0],
    }
    for path in (group_eval.DATA, group_eval.HELDOUT, group_eval.HELDOUT2, group_eval.REAL):
        sets[f"labelled {path.stem}"] = lambda p=path: group_eval.load_eval(p)[0]
        sets[f"labelled {path.stem}+distractors"] = (
            lambda p=path: group_eval.load_eval(p)[0] + group_eval.load_distractors()[0])
    if not quick:
        sets["pipeline 20k"] = lambda: parse_bodies(news_feeds(20000))
        sets["synthetic 20k"] = lambda: group_eval.synthetic_day(20000)[0]
    return sets


def group_outputs(quick: bool) -> Iterator[tuple[str, object]]:
    """Every batch grouped: each story's id and its entries' uids in order."""
    for name, make in group_sets(quick).items():
        for n, story in enumerate(_stories(make())):
            yield f"group {name} #{n}", story


def record(quick: bool) -> Outputs:
    """Every output of the importable digest on the input set, digested, by name."""
    fields = FieldLog()
    parts = [article_outputs(), basil_outputs(), kinds_outputs(), feed_outputs(fields), field_outputs(fields),
             edge_outputs(), workload_outputs(), group_outputs(quick)]
    out: Outputs = {}
    for part in parts:
        for name, value in part:
            out[name if name not in out else f"{name} (again {len(out)})"] = _digest(value)
    return out


# --- timing -----------------------------------------------------------------------------------


def _clock(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def timing_round() -> dict[str, float]:
    """Seconds for each measured stage of the importable digest, one run each."""
    import group_eval
    from workloads import news_feeds

    from digest.kinds import classify
    from digest.parse.clean import html_to_text
    bodies = news_feeds(4000, feeds=200, seed=3)
    fields = FieldLog()
    with fields:
        entries = parse_bodies(bodies)
    htmls = [args[0] for args in fields.fields["html_to_text"]]
    pipeline = {n: parse_bodies(news_feeds(n)) for n in (5000, 20000)}
    paragraphs = corpus_paragraphs()
    real = ["\n\n".join(paragraphs[i : i + 12]) for i in range(0, len(paragraphs), 12)]  # curly quotes and all
    return {
        "parse 4k": _clock(lambda: parse_bodies(bodies)),
        "classify 4k": _clock(lambda: [classify(title=e.title, url=e.link, text=e.content or e.summary)
                                       for e in entries]),  # type: ignore[attr-defined]
        f"classify {len(real)} corpus texts": _clock(lambda: [classify(title=t[:80], url=None, text=t) for t in real]),
        "html_to_text 4k": _clock(lambda: [html_to_text(h) for h in htmls]),  # type: ignore[arg-type]
        "group 5k": _clock(lambda: _stories(pipeline[5000])),
        "group 20k": _clock(lambda: _stories(pipeline[20000])),
        "group synthetic 20k": _clock(lambda: _stories(group_eval.synthetic_day(20000)[0])),
    }


# --- driver -----------------------------------------------------------------------------------


def _child(code: Path, args: list[str]) -> str:
    """Run this script as ``args`` with digest imported from ``code``; return its stdout."""
    env = {**os.environ, "CPU_SAME_CODE": str(code)}
    return subprocess.run([sys.executable, __file__, *args], env=env, check=True,
                          capture_output=True, text=True).stdout


def compare(base: Outputs, new: Outputs) -> list[str]:
    """Names whose outputs differ (or exist on one side only)."""
    return sorted(n for n in base.keys() | new.keys() if base.get(n) != new.get(n))


def check(ref: str, quick: bool, runs: int) -> int:
    """Record and compare both codes, then time them interleaved; 1 when any output differs."""
    with tempfile.TemporaryDirectory() as tmp:
        old = Path(tmp) / "base"
        old.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "digest"], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
        flags = ["--quick"] if quick else []
        outputs = {}
        for label, code in (("base", old), ("new", ROOT)):
            _child(code, ["record", str(Path(tmp) / f"{label}.json"), *flags])
            outputs[label] = json.loads((Path(tmp) / f"{label}.json").read_text())
        differ = compare(outputs["base"], outputs["new"])
        print(f"{len(outputs['new'])} outputs compared against {ref}: {len(differ)} differ")
        for name in differ[:40]:
            print("  differs:", name)
        rounds: dict[str, list[dict[str, float]]] = {"base": [], "new": []}
        for _ in range(runs):
            for label, code in (("base", old), ("new", ROOT)):
                rounds[label].append(json.loads(_child(code, ["time"])))
    if runs:
        print(timing_table(rounds, ref))
    return 1 if differ else 0


def timing_table(rounds: dict[str, list[dict[str, float]]], ref: str) -> str:
    """Markdown rows: stage, base median, new median, ratio."""
    lines = [f"| stage | {ref} (median of {len(rounds['base'])}) | now | ratio |", "|---|---|---|---|"]
    for stage in rounds["base"][0]:
        before = statistics.median(r[stage] for r in rounds["base"])
        after = statistics.median(r[stage] for r in rounds["new"])
        lines.append(f"| {stage} | {before:.3f} s | {after:.3f} s | {after / before:.2f}x |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", nargs="?", default="check", choices=("check", "record", "time"))
    parser.add_argument("out", nargs="?", help="record: where to write the outputs")
    parser.add_argument("--base", default=BASE)
    parser.add_argument("--quick", action="store_true", help="leave out the 20k groupings")
    parser.add_argument("--runs", type=int, default=3, help="timing rounds (0: none)")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.base, args.quick, args.runs)
    _import_digest(Path(os.environ.get("CPU_SAME_CODE") or ROOT))
    if args.command == "record":
        Path(args.out).write_text(json.dumps(record(args.quick)), encoding="utf-8")
    else:
        print(json.dumps(timing_round()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
