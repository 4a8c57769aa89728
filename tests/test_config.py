"""config.toml loading: the example works, every problem is reported at once with its key path."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from digest.config.load import load_config
from digest.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_example_loads_with_sample_feeds_that_exist():
    config = load_config(REPO / "config.toml")
    assert len(config.feeds) >= 5
    for feed in config.feeds:
        assert Path(feed.source).is_file(), feed.source
    assert config.store.path == REPO / ".digest" / "state.sqlite3"
    assert config.email.sender.endswith("<brief@example.com>")


def test_minimal_config_gets_defaults_and_relative_paths(tmp_path):
    text = '[[feeds]]\nname = "A"\nurl = "feeds/a.xml"\n[email]\nto = ["me@x.test"]\n'
    config = load_config(write(tmp_path, text))
    assert config.feeds[0].url == "feeds/a.xml"  # as written: the feed's identity
    assert config.feeds[0].source == str(tmp_path / "feeds" / "a.xml")  # where it is read from
    assert config.feeds[0].weight == 1.0
    assert config.digest.max_stories == 10 and config.digest.lookback_hours == 36
    assert config.store.path == tmp_path / ".digest" / "state.sqlite3" and config.store.keep_days == 30


def test_every_problem_is_reported_at_once_with_its_key_path(tmp_path):
    text = """
[digest]
max_stories = "ten"
lookback_hours = -1
[[feeds]]
url = "ftp://example.com/feed"
[[feeds]]
name = "B"
url = "https://example.com/b.xml"
weight = "heavy"
[smtp]
security = "tls"
[email]
to = ["not-an-address"]
"""
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text))
    message = str(caught.value)
    for key in ("digest.max_stories", "digest.lookback_hours", "feeds[0].name", "feeds[0].url",
                "feeds[1].weight", "smtp.security", "email.to"):
        assert key in message, key
    assert len(caught.value.problems) == 7

    with pytest.raises(ConfigError, match="email.to: add at least one recipient"):
        load_config(write(tmp_path, '[[feeds]]\nname = "A"\nurl = "a.xml"\n'))


def test_missing_file_is_one_clear_line(tmp_path):
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "nope.toml")


def test_invalid_toml_names_the_file(tmp_path):
    path = write(tmp_path, "[digest\ntitle = 1")
    with pytest.raises(ConfigError, match="not valid TOML") as caught:
        load_config(path)
    assert str(path) in str(caught.value)


def test_no_feeds_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match=r"feeds: no \[\[feeds\]\]"):
        load_config(write(tmp_path, '[digest]\ntitle = "X"\n'))


def test_duplicate_feed_urls_are_reported(tmp_path):
    text = '[[feeds]]\nname="A"\nurl="https://x.test/f"\n[[feeds]]\nname="B"\nurl="https://x.test/f"\n'
    with pytest.raises(ConfigError, match="listed twice"):
        load_config(write(tmp_path, text))


def test_unknown_keys_are_warned_not_fatal(tmp_path, caplog):
    text = ('[digest]\ntitel = "typo"\n[wat]\nx = 1\n[[feeds]]\nname="A"\nurl="a.xml"\ncolour="red"\n'
            '[email]\nto = ["me@x.test"]\n')
    with caplog.at_level(logging.WARNING, logger="digest.config"):
        config = load_config(write(tmp_path, text))
    assert config.digest.title == "The Daily Brief"
    warnings = " ".join(r.getMessage() for r in caplog.records)
    assert "digest.titel" in warnings and "[wat]" in warnings and "feeds[0].colour" in warnings


def test_email_from_key_and_lists(tmp_path):
    text = ('[[feeds]]\nname="A"\nurl="a.xml"\n[email]\nfrom = "Me <me@x.test>"\n'
            'to = ["a@x.test", "b@x.test"]\n[rank]\nboost = ["Estrava"]\n')
    config = load_config(write(tmp_path, text))
    assert config.email.sender == "Me <me@x.test>"
    assert config.email.to == ("a@x.test", "b@x.test")
    assert config.rank.boost == ("Estrava",)


def test_config_knows_every_registered_transport_and_rejects_others(tmp_path):
    from digest.config import TRANSPORTS
    from digest.send import SENDERS

    assert set(TRANSPORTS) == set(SENDERS)
    text = '[[feeds]]\nname="A"\nurl="a.xml"\n[email]\nto=["a@x.test"]\ntransport="pigeon"\n'
    with pytest.raises(ConfigError, match="email.transport: must be smtp or file"):
        load_config(write(tmp_path, text))


@pytest.mark.parametrize("line, key", [
    ("[digest]\nlookback_hours = inf", "digest.lookback_hours"),
    ("[digest]\nlookback_hours = nan", "digest.lookback_hours"),
    ("[digest]\nlookback_hours = 1e300", "digest.lookback_hours"),
    ("[fetch]\ntimeout = nan", "fetch.timeout"),
    ("[fetch]\nmax_bytes = 9999999999999", "fetch.max_bytes"),
    ("[fetch]\nfresh_minutes = -1", "fetch.fresh_minutes"),
    ("[fetch]\nfresh_minutes = nan", "fetch.fresh_minutes"),
    ("[smtp]\ntimeout = -inf", "smtp.timeout"),
    ("[rank]\nmin_score = nan", "rank.min_score"),
    ("[store]\nkeep_days = 0", "store.keep_days"),
    ("[store]\nkeep_days = 100000", "store.keep_days"),
    ("[store]\nkeep_days = 1.5", "store.keep_days"),
])
def test_non_finite_and_absurd_numbers_are_config_errors(tmp_path, line, key):
    text = f'{line}\n[[feeds]]\nname="A"\nurl="a.xml"\n[email]\nto=["a@x.test"]\n'
    with pytest.raises(ConfigError, match=key.replace(".", r"\.")):
        load_config(write(tmp_path, text))


@pytest.mark.parametrize("weight", ["nan", "inf", "-1", "1e9"])
def test_feed_weight_must_be_a_sensible_number(tmp_path, weight):
    text = f'[[feeds]]\nname="A"\nurl="a.xml"\nweight = {weight}\n[email]\nto=["a@x.test"]\n'
    with pytest.raises(ConfigError, match=r"feeds\[0\]\.weight"):
        load_config(write(tmp_path, text))


def test_control_characters_in_config_text_are_reported(tmp_path):
    text = '[digest]\ntitle = "Daily\\u000bBrief"\n[[feeds]]\nname="A"\nurl="a.xml"\n[email]\nto=["a@x.test"]\n'
    with pytest.raises(ConfigError, match="digest.title: contains a control character"):
        load_config(write(tmp_path, text))


BASE = '[[feeds]]\nname = "A"\nurl = "feeds/a.xml"\n[email]\nto = ["me@x.test"]\n'


def test_rank_kinds_default_to_reports_opinion_and_explainers(tmp_path):
    assert load_config(write(tmp_path, BASE)).rank.kinds == ("report", "opinion", "explainer")
    chosen = load_config(write(tmp_path, BASE + '[rank]\nkinds = ["report", "deals"]\n'))
    assert chosen.rank.kinds == ("report", "deals")


@pytest.mark.parametrize(("value", "message"), [
    ('["report", "gossip"]', r"rank.kinds: unknown kind 'gossip'; choose from report, opinion"),
    ("[]", r"rank.kinds: empty"),
    ('["report", "report"]', r"rank.kinds: a kind is listed twice"),
    ('"report"', r"rank.kinds: expected a list of strings"),
])
def test_rank_kinds_are_validated_with_their_key(tmp_path, value, message):
    with pytest.raises(ConfigError, match=message):
        load_config(write(tmp_path, BASE + f"[rank]\nkinds = {value}\n"))
