"""The llm summariser end to end against a real chat-completions server on loopback.

Each scripted misbehaviour must end the way issue 15 says: part by part, counted, and never
worse than the extractive brief.
"""

from __future__ import annotations

import time
from functools import partial

import pytest

from digest.config import LlmSettings
from digest.llmclient import MAX_ATTEMPTS, ChatClient
from digest.model import Quote
from digest.pipeline import ask_with_cache
from digest.store import Store
from digest.summarise import ExtractiveSummariser, get_summariser
from digest.summarise.llm import INSTRUCTION, PARTS
from tests.builders import NOW
from tests.chatserver import ChatServer, Reply
from tests.llmstory import FAITHFUL, answer, bridge_story

EXTRACTIVE = ExtractiveSummariser().summarise(bridge_story())


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "state.sqlite3") as opened:
        yield opened


def write(server: ChatServer, store: Store, stories=None, *, api_key=None, unavailable=None, **settings):
    """Run the llm summariser on ``stories`` (the bridge story); return (briefs, report)."""
    config = LlmSettings(**{"base_url": server.url, "model": "test-model", "timeout": 5.0, **settings})
    client = ChatClient(config, api_key=api_key, unavailable=unavailable)
    summariser = get_summariser("llm", settings=config,
                                ask=partial(ask_with_cache, client=client, store=store, now=NOW))
    return summariser.summarise_all(stories or [bridge_story()]), summariser.report


def by(brief) -> dict[str, str]:
    return dict(brief.written_by)


def test_a_faithful_answer_is_used_part_by_part(store):
    with ChatServer(lambda body, n: Reply(answer())) as server:
        (brief,), report = write(server, store)
    assert brief.headline == FAITHFUL["headline"] and brief.dek == FAITHFUL["dek"]
    assert brief.what_happened == tuple(FAITHFUL["what_happened"])
    assert brief.what_next == tuple(FAITHFUL["what_next"])
    assert brief.who_said_what == (
        Quote("Mayor Ana Ruiz", "“This bridge will connect two halves of our city.”", "The Harbor Herald"),
        Quote("Lena Vos, who chairs the transport committee", "We have waited ten years for this crossing",
              "Meridian Wire"))
    assert by(brief) == dict.fromkeys(PARTS, "llm")
    assert brief.sources == EXTRACTIVE.sources and brief.id == EXTRACTIVE.id
    assert (report.written, report.rejected, report.failures) == (5, 0, [])
    assert (report.prompt_tokens, report.completion_tokens, report.asked) == (120, 40, 1)
    assert report.line() == "model wrote 5 of 5 parts (0 rejected), 1 asked, 0 from the cache, 160 tokens"


def test_the_request_is_one_chat_completion_with_the_sources_named(store):
    with ChatServer(lambda body, n: Reply(answer())) as server:
        write(server, store, temperature=0.0, seed=7, api_key="sk-test")
    (request,) = server.requests
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == "Bearer sk-test"
    body = request.body
    assert body["model"] == "test-model" and body["temperature"] == 0 and body["seed"] == 7
    assert body["response_format"]["type"] == "json_schema"
    assert body["messages"][0] == {"role": "system", "content": INSTRUCTION}
    assert request.source(1)[0] == "The Harbor Herald" and request.source(2)[0] == "Meridian Wire"
    assert "Lena Vos" in request.source(2)[2]


@pytest.mark.parametrize("quote, why", [
    ({"speaker": "Mayor Ana Ruiz", "text": "We will finish the bridge by 2028",
      "source": "The Harbor Herald"}, "invented"),
    ({"speaker": "Mayor Ana Ruiz", "text": "We have waited ten years for this crossing",
      "source": "Meridian Wire"}, "speaker not in the outlet it names"),
    ({"speaker": "Lena Vos", "text": "We have waited ten years for this crossing",
      "source": "The Harbor Herald"}, "words not in the outlet it names"),
    ({"speaker": "Piet Marten", "text": "This bridge will connect two halves of our city",
      "source": "The Harbor Herald"}, "someone else in the same article said it"),
])
def test_an_invented_or_misattributed_quote_gives_the_extractive_who_said_what(store, quote, why):
    quotes = [FAITHFUL["who_said_what"][1], quote]
    with ChatServer(lambda body, n: Reply(answer(who_said_what=quotes))) as server:
        (brief,), report = write(server, store)
    assert brief.who_said_what == EXTRACTIVE.who_said_what, why
    assert brief.headline == FAITHFUL["headline"] and brief.what_next == tuple(FAITHFUL["what_next"])
    assert by(brief)["who_said_what"] == "extractive" and by(brief)["headline"] == "llm"
    assert (report.written, report.rejected) == (4, 1)


def test_a_number_or_name_in_no_source_rejects_that_part_only(store):
    changes = {"headline": "Council approves 50 million euro bridge",
               "what_happened": ["Governor Tom Baker hailed the vote on Sunday."],
               "what_next": ["Tenders follow in three weeks."]}
    with ChatServer(lambda body, n: Reply(answer(**changes))) as server:
        (brief,), report = write(server, store)
    assert brief.headline == EXTRACTIVE.headline
    assert brief.what_happened == EXTRACTIVE.what_happened
    assert brief.what_next == EXTRACTIVE.what_next
    assert brief.dek == FAITHFUL["dek"] and len(brief.who_said_what) == 2
    assert by(brief) == {"headline": "extractive", "dek": "llm", "what_happened": "extractive",
                         "who_said_what": "llm", "what_next": "extractive"}
    assert (report.written, report.rejected) == (2, 3)
    assert "(3 rejected)" in report.line()


def test_malformed_json_gives_the_extractive_brief_and_is_counted(store):
    with ChatServer(lambda body, n: Reply('Sure! Here is the brief: {"headline": "Council',)) as server:
        (brief,), report = write(server, store)
    assert brief == EXTRACTIVE.__class__(**{**EXTRACTIVE.__dict__, "written_by": brief.written_by})
    assert by(brief) == dict.fromkeys(PARTS, "extractive")
    assert report.failures == ["the answer is not a JSON object"] and report.written == 0
    assert "1 story fell back: the answer is not a JSON object" in report.line()


def test_json_in_a_code_fence_is_read(store):
    fenced = f"```json\n{answer()}\n```"
    with ChatServer(lambda body, n: Reply(fenced)) as server:
        (brief,), report = write(server, store)
    assert brief.headline == FAITHFUL["headline"] and report.written == 5


def test_http_500_is_retried_then_falls_back_and_is_not_cached(store):
    with ChatServer(lambda body, n: Reply(status=500, headers=(("Retry-After", "0"),))) as server:
        (brief,), report = write(server, store)
        assert len(server.requests) == MAX_ATTEMPTS
        assert brief.what_happened == EXTRACTIVE.what_happened and by(brief)["headline"] == "extractive"
        assert report.failures and "HTTP 500" in report.failures[0]
        write(server, store)  # a failure is not paid for: the next build asks again
        assert len(server.requests) == 2 * MAX_ATTEMPTS


def test_429_then_success_uses_the_answer(store):
    def script(body, n):
        return Reply(status=429, headers=(("Retry-After", "0.2"),)) if n == 0 else Reply(answer())
    with ChatServer(script) as server:
        (brief,), report = write(server, store)
    assert len(server.requests) == 2
    assert brief.headline == FAITHFUL["headline"] and report.failures == [] and report.written == 5


def test_an_answer_slower_than_the_timeout_falls_back(store):
    with ChatServer(lambda body, n: Reply(answer(), delay=3.0)) as server:
        start = time.monotonic()
        (brief,), report = write(server, store, timeout=1.0)
        elapsed = time.monotonic() - start
    assert elapsed < 2.5
    assert by(brief) == dict.fromkeys(PARTS, "extractive") and brief.headline == EXTRACTIVE.headline
    assert report.failures == ["timeout after 1 s"]


def test_the_second_build_asks_nothing_and_writes_the_same(store):
    with ChatServer(lambda body, n: Reply(answer(who_said_what=[]))) as server:
        first, _ = write(server, store)
        second, report = write(server, store)
    assert len(server.requests) == 1
    assert first == second
    assert (report.asked, report.cached, report.prompt_tokens) == (0, 1, None)
    assert report.line().endswith("0 asked, 1 from the cache")


def test_another_server_temperature_or_seed_is_asked_and_the_same_settings_are_cached(store):
    def script(body, n):
        return Reply(answer(who_said_what=[]))
    with ChatServer(script) as a, ChatServer(script) as b:
        write(a, store)
        write(b, store)  # same model name, another server
        assert (len(a.requests), len(b.requests)) == (1, 1)
        write(b, store, temperature=0.7)
        write(b, store, temperature=0.7, seed=3)
        assert len(b.requests) == 3
        _, report = write(b, store, temperature=0.7, seed=3)
        _, first = write(a, store)
    assert (len(a.requests), len(b.requests)) == (1, 3)
    assert (report.asked, report.cached, first.cached) == (0, 1, 1)


def test_a_server_without_json_schema_is_asked_again_without_it(store):
    def script(body, n):
        return Reply(status=400, body=b'{"error": "response_format not supported"}') if "response_format" in body \
            else Reply(answer())
    with ChatServer(script) as server:
        (brief,), _ = write(server, store)
    assert len(server.requests) == 2 and "response_format" not in server.requests[1].body
    assert brief.headline == FAITHFUL["headline"]


def test_a_refusal_falls_back(store):
    refusal = (b'{"choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", '
               b'"content": null, "refusal": "I cannot help with that."}}]}')
    with ChatServer(lambda body, n: Reply(body=refusal)) as server:
        (brief,), report = write(server, store)
    assert by(brief)["headline"] == "extractive"
    assert report.failures == ["the model refused: I cannot help with that."]


def test_a_missing_api_key_asks_nothing(store):
    with ChatServer(lambda body, n: Reply(answer())) as server:
        (brief,), report = write(server, store, unavailable="$KEY is not set")
    assert server.requests == [] and report.failures == ["$KEY is not set"]
    assert brief.headline == EXTRACTIVE.headline


def test_stories_are_asked_concurrently_and_come_back_in_order(store):
    stories = [bridge_story(f"s{i}", rank=i + 1) for i in range(4)]
    with ChatServer(lambda body, n: Reply(answer(), delay=0.6)) as server:
        start = time.monotonic()
        briefs, report = write(server, store, stories, concurrency=4)
        elapsed = time.monotonic() - start
    assert [b.id for b in briefs] == ["s0", "s1", "s2", "s3"] and report.written == 20
    assert elapsed < 4 * 0.6  # one at a time would take 2.4 s


def test_after_three_stories_in_a_row_fail_the_rest_are_not_asked(store):
    stories = [bridge_story(f"s{i}", rank=i + 1) for i in range(5)]
    with ChatServer(lambda body, n: Reply(status=404)) as server:
        briefs, report = write(server, store, stories, concurrency=1)
    assert len(server.requests) == 3 and len(briefs) == 5
    assert len(report.failures) == 5 and "2× not asked" in report.line()
