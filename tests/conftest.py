"""Where the real-world corpus is, and what happens to the tests that read it when it is not.

The corpus (real pages and feeds nobody on this project wrote) lives outside the repository,
by default in ``../shared/corpus`` beside the checkout. A fresh clone has none, so:

- A test that reads the corpus takes its folder from the ``corpus`` fixture (a Path) and is
  marked ``@pytest.mark.corpus`` (using the fixture marks it too). Never build the path by hand.
  Module-level data that needs the corpus goes in a fixture that takes ``corpus``.
- ``--corpus PATH`` or ``DIGEST_CORPUS=PATH`` says where it is (default ``../shared/corpus``
  relative to the repository root).
- Without a corpus those tests are deselected and one line of the summary says how to run them;
  with ``--require-corpus`` or ``DIGEST_REQUIRE_CORPUS=1`` (set by .ci/run) a missing corpus is
  an error instead, so CI can never pass without having run them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = "../shared/corpus"
_MISSING = pytest.StashKey[int]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("digest")
    group.addoption("--corpus", metavar="PATH", default=None,
                    help=f"the real-world corpus folder (env DIGEST_CORPUS; default {DEFAULT_CORPUS} "
                         "relative to the repository root)")
    group.addoption("--require-corpus", action="store_true", default=False,
                    help="fail when the corpus is missing instead of not running its tests "
                         "(env DIGEST_REQUIRE_CORPUS=1)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "corpus: reads the real-world corpus (--corpus PATH / DIGEST_CORPUS)")


def corpus_path(config: pytest.Config) -> Path:
    """The corpus folder: --corpus, else $DIGEST_CORPUS (both relative to the working
    directory), else ../shared/corpus relative to the repository root."""
    given = config.getoption("--corpus") or os.environ.get("DIGEST_CORPUS")
    return Path(given).resolve() if given else (ROOT / DEFAULT_CORPUS).resolve()


def _required(config: pytest.Config) -> bool:
    return bool(config.getoption("--require-corpus")) or os.environ.get("DIGEST_REQUIRE_CORPUS") == "1"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without a corpus, deselect the tests that need it (or stop, when it is required)."""
    for item in items:
        if "corpus" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.corpus)
    path = corpus_path(config)
    missing = [item for item in items if item.get_closest_marker("corpus")]
    if path.is_dir() or not missing:
        return
    if _required(config):
        raise pytest.UsageError(f"no corpus at {path}: pass --corpus PATH or set DIGEST_CORPUS "
                                "(it is required here: --require-corpus / DIGEST_REQUIRE_CORPUS=1)")
    config.hook.pytest_deselected(items=missing)
    items[:] = [item for item in items if not item.get_closest_marker("corpus")]
    config.stash[_MISSING] = len(missing)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    missing = config.stash.get(_MISSING, 0)
    if missing:
        where = os.path.relpath(corpus_path(config))
        terminalreporter.write_line(f"{missing} corpus tests not run: no corpus at {where} "
                                    "(pass --corpus PATH or set DIGEST_CORPUS)", yellow=True)


@pytest.fixture(scope="session")
def corpus(pytestconfig: pytest.Config) -> Path:
    """The real-world corpus folder (the test is only collected when it exists)."""
    return corpus_path(pytestconfig)


@pytest.fixture
def editor_pack(corpus: Path, monkeypatch: pytest.MonkeyPatch):
    """bench/editor_pack.py, loaded to read ``corpus`` (its module reads DIGEST_CORPUS when imported)."""
    import importlib.util
    import sys

    bench = Path(__file__).parents[1] / "bench"
    monkeypatch.setenv("DIGEST_CORPUS", str(corpus))
    monkeypatch.setattr(sys, "path", [str(bench), *sys.path])  # its own imports (summary_corpus ...)
    spec = importlib.util.spec_from_file_location("editor_pack", bench / "editor_pack.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
