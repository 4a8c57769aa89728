"""Load the real articles of ../shared/corpus/articles as plain text, one paragraph a block.

Readability pages keep their ``expected.html`` (the main content a good extractor keeps); it is
turned into text the way the pipeline's entries carry it: paragraphs separated by blank lines.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import lxml.html

# $DIGEST_CORPUS, as for the tests, else ../shared/corpus beside the checkout
ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("DIGEST_CORPUS") or ROOT.parent / "shared" / "corpus") / "articles"
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre", "td", "dd", "dt"}


def html_text(html: str) -> str:
    """Return the text of an HTML fragment: one paragraph per block element."""
    root = lxml.html.fromstring(html)
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    out: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag not in _BLOCKS:
            continue
        if any(a.tag in _BLOCKS for a in element.iterancestors()):
            continue  # the outer block already holds this text
        text = " ".join(element.text_content().split())
        if text:
            out.append(text)
    return "\n\n".join(out)


def load_articles(corpus: Path = CORPUS) -> dict[str, dict[str, str]]:
    """Return {name: {"site", "title", "text"}} for every article in the corpus, sorted by name."""
    articles: dict[str, dict[str, str]] = {}
    for folder in sorted((corpus / "readability").iterdir()):
        if (folder / "expected.html").exists():
            meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
            articles[f"readability/{folder.name}"] = {
                "site": meta.get("siteName") or folder.name,
                "title": meta.get("title") or "",
                "text": html_text((folder / "expected.html").read_text(encoding="utf-8")),
            }
    for folder in sorted((corpus / "newspaper4k").iterdir()):
        if (folder / "expected.txt").exists():
            meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
            articles[f"newspaper4k/{folder.name}"] = {
                "site": folder.name.split("_")[0].rstrip("0123456789"),
                "title": meta.get("title") or "",
                "text": (folder / "expected.txt").read_text(encoding="utf-8"),
            }
    return articles
