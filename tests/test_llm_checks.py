"""The llm writer's pure parts: the faithfulness checks, reading answers, prompts, [llm] config."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from digest.config import LlmSettings
from digest.config.load import load_config
from digest.errors import ConfigError
from digest.model import Answer, Story
from digest.schema import digest_from_dict, digest_to_dict
from digest.summarise import ExtractiveSummariser
from digest.summarise.faithful import evidence, normalise, unsupported
from digest.summarise.llm import build_prompt, parse_answer, sources_of, write_brief
from digest.summarise.quotecheck import quote_problem
from tests.builders import make_digest, make_entry
from tests.llmstory import HERALD_TEXT, answer, bridge_story

HERALD = evidence([HERALD_TEXT])
SETTINGS = LlmSettings(base_url="http://127.0.0.1:9/v1", model="m")


def test_normalisation_folds_quotes_dashes_and_space():
    assert normalise("“It’s   done” — he\u00a0said…") == "\"It's done\" - he said..."


@pytest.mark.parametrize("text", [
    "The council voted 7-2 on Sunday.",
    "Councillors backed the bridge by seven votes to two.",  # number words match digits
    "Mayor Ana Ruiz's council backs the Ostra bridge.",  # a possessive is the name
    "Opposition councillors said 40 million euros was too much.",
    "Construction starts in March.",
])
def test_supported_claims_pass(text):
    ev = evidence([HERALD_TEXT, "Councillors backed the Ostra bridge by seven votes to two."])
    assert unsupported(text, ev) == []


@pytest.mark.parametrize("text, missing", [
    ("The council voted 8-2 on Sunday.", ["8"]),
    ("The council voted 7-2 on Monday.", ["Monday"]),
    ("Governor Tom Baker praised the vote.", ["Governor", "Tom", "Baker"]),
    ("The bridge will cost 40 billion euros.", ["40 billion"]),
    ("The bridge will cost 1,500 euros.", ["1,500"]),
    ("Three councillors voted against.", ["Three"]),
    ("The vote came yesterday.", ["yesterday"]),
])
def test_names_numbers_and_dates_in_no_source_are_caught(text, missing):
    assert unsupported(text, HERALD) == missing


def test_a_capital_mid_sentence_must_be_a_capital_in_the_sources_except_in_a_title():
    assert unsupported("The Council voted on Sunday.", HERALD) == ["Council"]
    assert unsupported("City Council Votes To Fund New Bridge", HERALD, title=True) == []


def test_a_quote_is_checked_after_quote_and_dash_normalisation():
    ev = evidence(["“We won’t stop – not now,” said Maren Holt, the port’s chief executive."])
    assert quote_problem("Maren Holt", "\"We won't stop - not now\"", ev) is None
    assert quote_problem("Maren Holt", "we won’t stop — not now", ev) is None  # first letter's case
    assert "not a verbatim span" in quote_problem("Maren Holt", "We will not stop now", ev)
    assert "too short" in quote_problem("Maren Holt", "We won't", ev)



def test_two_quotations_shown_one_after_the_other_are_each_checked():
    ev = evidence(["“The pumps failed at midnight,” said Maren Holt. “By dawn the street was a river.”"])
    assert quote_problem("Maren Holt", "“The pumps failed at midnight.” “By dawn the street was a river.”", ev) is None
    problem = quote_problem("Maren Holt", "“The pumps failed at midnight.” “By noon the street was a river.”", ev)
    assert problem and "not a verbatim span" in problem

@pytest.mark.parametrize("text, missing", [
    ("The fund lost $5bn.", ["5bn"]),  # the sources say $5 million: a thousandfold error
    ("Turnout rose 6% to 40,000.", ["6%"]),
    ("The fund had its third loss in a row.", ["third"]),
    ("The fund had its 3rd loss in a row.", ["3rd"]),
    ("The fund lost money last week.", ["last week"]),
    ("Hundreds protested outside.", ["Hundreds"]),
])
def test_figures_keep_their_scale_and_ordinals_and_relative_dates_are_checked(text, missing):
    ev = evidence(["The fund lost $5 million last month, its second loss in a row. Dozens protested. "
                   "Turnout rose 5 percent to 40,000."])
    assert unsupported(text, ev) == missing


@pytest.mark.parametrize("text", [
    "The fund lost $5m last month.", "The fund lost 5 million dollars.", "The fund had its 2nd loss in a row.",
    "Turnout rose 5% to 40 thousand.", "Dozens protested.",
])
def test_the_same_figure_written_another_way_passes(text):
    ev = evidence(["The fund lost $5 million last month, its second loss in a row. Dozens protested. "
                   "Turnout rose 5 percent to 40,000."])
    assert unsupported(text, ev) == []


def test_a_quote_credited_to_someone_its_sentence_only_mentions_is_misattributed():
    ev = evidence(['"The plan will fail badly," Ruiz said, dismissing a proposal by Holt.'])
    problem = quote_problem("Holt", "The plan will fail badly", ev)
    assert problem and "gives it to Ruiz" in problem
    assert quote_problem("Ruiz", "The plan will fail badly", ev) is None


def test_a_quote_credited_to_a_namesake_is_misattributed():
    ev = evidence(['Peter Holt said: "We will strike again next week." His sister, Maria Holt, disagreed.'])
    problem = quote_problem("Maria Holt", "We will strike again next week", ev)
    assert problem and "gives it to Peter Holt" in problem
    assert "more than one Holt" in quote_problem("Holt", "We will strike again next week", ev)
    assert quote_problem("Peter Holt", "We will strike again next week", ev) is None
    assert quote_problem("union leader Peter Holt", "We will strike again next week", ev) is None


def test_a_quote_span_starts_and_ends_on_word_boundaries():
    ev = evidence(['Holt said the deal was "unacceptable to us all."'])
    assert "not a verbatim span" in quote_problem("Holt", "acceptable to us all", ev)
    assert "not a verbatim span" in quote_problem("Holt", "unacceptable to us al", ev)
    assert quote_problem("Holt", "unacceptable to us all", ev) is None


def test_narration_is_not_a_quote_even_next_to_a_name():
    problem = quote_problem("Mayor Ana Ruiz", "Construction is due to start in March", HERALD)
    assert problem and "not a statement in its source" in problem


def test_reported_speech_passes_as_a_sentence_naming_its_speaker():
    assert quote_problem("Piet Marten", "Piet Marten said the cost of 40 million euros was too high", HERALD) is None


def test_reported_speech_shown_as_a_quotation_is_a_paraphrase_and_refused():
    ev = evidence(["Holt said the government had lied about the costs."])
    problem = quote_problem("Holt", "the government had lied about the costs", ev)
    assert problem and "not inside quotation marks" in problem
    assert quote_problem("Holt", "Holt said the government had lied about the costs", ev) is None
    # a saying verb in the clause is not the speaker saying it
    ev = evidence(["Holt said the costs, first reported by the Herald, were hidden from the council."])
    assert "not inside quotation marks" in quote_problem("Holt", "the costs, first reported by the Herald, were hidden", ev)
    # a pronoun is no credit
    assert quote_problem("He", "Holt said the government had lied about the costs", evidence(
        ["Holt said the government had lied about the costs."])) == "no speaker named"
    # a quotation in single marks (British style) is one
    ev = evidence(["‘We will not back down on this,’ said Maren Holt, the port's chief."])
    assert quote_problem("Maren Holt", "We will not back down on this", ev) is None


@pytest.mark.parametrize("text", [
    answer(), f"```json\n{answer()}\n```", f"Here you go:\n{answer()}\nAnything else?",
    "{not json} " + answer(),
])
def test_answers_are_read_leniently(text):
    assert parse_answer(text)["headline"] == json.loads(answer())["headline"]


@pytest.mark.parametrize("text", ["", "no json here", "[1, 2]", '{"headline": "cut off'])
def test_answers_without_an_object_are_none(text):
    assert parse_answer(text) is None


def test_wrong_types_and_control_characters_reject_the_part():
    ranked = bridge_story()
    fallback = ExtractiveSummariser().summarise(ranked)
    text = answer(headline=42, dek="Ostra bridge\x07 approved", what_next="Construction is due to start in March.")
    written = write_brief(fallback, Answer(text=text), sources_of(ranked.story))
    assert written.rejected == ("headline", "dek")
    assert written.brief.headline == fallback.headline and written.brief.dek == fallback.dek
    assert written.brief.what_next == ("Construction is due to start in March.",)  # a lone string is a list of one


def test_parts_the_model_left_empty_are_extractive_and_not_rejections():
    ranked = bridge_story()
    fallback = ExtractiveSummariser().summarise(ranked)
    written = write_brief(fallback, Answer(text=answer(dek="", what_next=[])), sources_of(ranked.story))
    assert written.rejected == () and written.brief.what_next == fallback.what_next
    assert dict(written.brief.written_by)["what_next"] == "extractive"


def test_each_source_gets_its_share_of_the_budget_and_the_key_follows_the_texts():
    long = " ".join(["word"] * 2000)
    entries = tuple(make_entry(uid=f"u{i}", feed=f"Outlet {i}", content=long) for i in range(3))
    prompt = build_prompt(Story("s", entries), replace(SETTINGS, max_input_chars=3000))
    assert all(f"Source {i + 1}: Outlet {i}" in prompt.user for i in range(3))
    assert 3000 <= len(prompt.user) < 3000 + 3 * 120
    again = build_prompt(Story("s", entries), replace(SETTINGS, max_input_chars=3000))
    other = build_prompt(Story("s", entries[:2]), replace(SETTINGS, max_input_chars=3000))
    assert prompt.sources_hash == again.sources_hash != other.sources_hash
    assert (prompt.model, prompt.version) == ("m", "2") and json.loads(prompt.schema)["type"] == "object"


def test_written_by_is_an_additive_key_of_digest_json_that_survives_a_render():
    digest = make_digest()
    story = replace(digest.stories[0], written_by=(("headline", "llm"), ("dek", "extractive")))
    doc = digest_to_dict(replace(digest, stories=(story,)))
    assert doc["stories"][0]["written_by"] == {"headline": "llm", "dek": "extractive"}
    assert list(doc["stories"][0])[:5] == ["id", "rank", "score", "why", "update"]
    assert digest_from_dict(doc).stories[0].written_by == story.written_by
    assert "written_by" not in digest_to_dict(digest)["stories"][0]  # extractive builds: as before
    doc["stories"][0]["written_by"]["dek"] = "gpt"
    with pytest.raises(Exception, match=r"stories\[0\].written_by.dek: must be one of llm, extractive"):
        digest_from_dict(doc)


# -- [llm] config -----------------------------------------------------------------------------

BASE = '[[feeds]]\nname = "A"\nurl = "a.xml"\n[email]\nto = ["me@x.test"]\n'


def load(tmp_path: Path, text: str):
    path = tmp_path / "config.toml"
    path.write_text(BASE + text, encoding="utf-8")
    return load_config(path)


def test_llm_settings_load_with_defaults(tmp_path):
    config = load(tmp_path, '[digest]\nsummariser = "llm"\n[llm]\nbase_url = "http://localhost:11434/v1"\n'
                            'model = "llama3.1:8b"\nseed = 42\n')
    assert config.llm == LlmSettings(base_url="http://localhost:11434/v1", model="llama3.1:8b", seed=42)
    assert config.llm.temperature == 0 and config.llm.api_key_env is None


def test_llm_problems_are_reported_with_their_key_paths(tmp_path):
    text = ('[digest]\nsummariser = "llm"\n[llm]\nbase_url = "localhost:11434"\ntimeout = 0\n'
            'concurrency = 0\nmax_input_chars = 10\ntemperature = 3\nseed = "random"\napi_key_env = "MY KEY"\n')
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, text)
    message = str(caught.value)
    for key in ("llm.base_url: must be an http(s) URL", "llm.model: required", "llm.timeout",
                "llm.concurrency", "llm.max_input_chars", "llm.temperature", "llm.seed: expected a number",
                "llm.api_key_env"):
        assert key in message, key


def test_llm_needs_base_url_and_model_only_when_chosen(tmp_path):
    assert load(tmp_path, "").llm == LlmSettings()
    with pytest.raises(ConfigError, match="llm.base_url: required when digest.summariser"):
        load(tmp_path, '[digest]\nsummariser = "llm"\n')


def test_the_readme_examples_and_the_commented_config_example_are_valid(tmp_path):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    examples = [b for b in re.findall(r"```toml\n(.*?)```", readme, re.DOTALL) if 'summariser = "llm"' in b]
    assert len(examples) == 2 and "localhost:11434" in examples[0]  # Ollama, then a hosted API
    configs = [load(tmp_path, text).llm for text in examples]
    assert configs[0].model == "llama3.1:8b" and configs[1].api_key_env == "OPENAI_API_KEY"
    sample = (Path(__file__).resolve().parents[1] / "config.toml").read_text(encoding="utf-8")
    commented = re.search(r"^# \[llm\].*?(?=^\[)", sample, re.DOTALL | re.MULTILINE).group()
    llm = load(tmp_path, '[digest]\nsummariser = "llm"\n' + re.sub(r"^# ?", "", commented, flags=re.MULTILINE)).llm
    assert llm.base_url == "http://localhost:11434/v1" and llm.seed == 7


@pytest.mark.parametrize("text", [
    "[" * 100_000, "{" * 100_000, '{"headline": ' * 50_000, '{"headline": {"a": 1}, "dek": 7}',
    '{"who_said_what": "Ruiz said so"}', '{"who_said_what": [null, 3, {"speaker": 1}]}',
    '{"what_happened": [[["nested"]]], "what_next": {"a": "b"}}', '{"headline": null, "dek": NaN}',
    '{"what_happened": ["' + "word " * 500 + '"]}', '{"headline": "<script>alert(1)</script>"}',
])
def test_hostile_answers_never_raise_and_fall_back(text):
    ranked = bridge_story()
    fallback = ExtractiveSummariser().summarise(ranked)
    written = write_brief(fallback, Answer(text=text), sources_of(ranked.story))
    assert all(w == "extractive" for _, w in written.brief.written_by)
    assert replace(written.brief, written_by=()) == fallback
