"""A page's title repeated as the first line of its text is in no block (editor round 59: What happened was
"Ravenous wild goats ruled this island for over a century.", the title's first sentence)."""

from __future__ import annotations

from tests.test_summarise_editor_r34 import brief


def test_the_title_repeated_at_the_top_of_the_text_is_in_no_block():
    title = "Wild goats ruled this Velmora island for a century. Now, it is being reborn."
    body = (f"{title}\n\nThe rocky island of Redonda, stripped of its plants by goats, was declared goat-free on Monday.\n\n"
            "Rangers removed the last of the goats in 2019, the island's trust said.\n\n"
            "Seabirds have returned to nest on its cliffs, the trust said.")
    b = brief(body, title=title)
    shown = [b.dek or "", *b.what_happened, *(q.text for q in b.who_said_what), *b.what_next]
    assert not any("Wild goats ruled" in s or s == "Now, it is being reborn." for s in shown)
    assert any(s.startswith("The rocky island of Redonda") for s in [b.dek or "", *b.what_happened])
