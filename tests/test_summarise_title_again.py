"""Page furniture kept out of every block: a page's title repeated as the first line of its text (editor round 59:
"Ravenous wild goats ruled this island for over a century.", the title's first sentence), and a caption of a
picture the text does not carry (editor round 62)."""

from __future__ import annotations

from tests.test_summarise_editor_r34 import brief


def test_the_title_repeated_at_the_top_of_the_text_is_in_no_block():
    title = "Wild goats ruled this Velmora island for a century. Now, it is being reborn."
    body = (f"{title}\n\nThe rocky island of Redonda, stripped of its plants by goats, was declared goat-free on Monday.\n\n"
            "Rangers removed the last of the goats in 2019, the island's trust said.\n\n"
            "Seabirds have returned to nest on its cliffs, the trust said.")
    # the page has its own title and standfirst: its text opening on the title repeats it
    b = brief(body, title=title, summary="The rocky island of Redonda makes a quick comeback.")
    shown = [b.dek or "", *b.what_happened, *(q.text for q in b.who_said_what), *b.what_next]
    assert not any("Wild goats ruled" in s or s == "Now, it is being reborn." for s in shown)
    assert any(s.startswith("The rocky island of Redonda") for s in [b.dek or "", *b.what_happened])


def test_a_stand_in_title_made_from_the_text_keeps_the_lead():
    # a feed item without a title is given its first paragraph as one: that paragraph is still the lead
    from digest.model import stand_in_title
    lead = "The Velmora council voted 7-2 on Tuesday to fund a new bridge over the river."
    body = (f"{lead}\n\nConstruction will start in May and cost 40 million dollars, officials said.\n\n"
            "“This bridge will connect us,” said Mayor Ana Ruiz.\n\nOpponents said the cost was too high.")
    b = brief(body, title=stand_in_title(body))
    assert lead in [b.dek or "", *b.what_happened]


def test_only_whole_words_of_the_title_count():
    from digest.model import Entry
    from digest.summarise.briefs import _title_again
    entry = Entry(uid="u", feed="f", feed_url="u", title="Minister says she will resign", link=None, summary="s")
    assert not _title_again("He will resign.", entry)
    assert _title_again("Minister says she will resign.", entry)


def test_a_caption_of_a_picture_the_text_does_not_carry_is_furniture():
    # editor round 62: What happened was "NASA's Solar Dynamics Observatory captured this image of ..."
    from digest.summarise.shape import furniture
    for caption in ("NASA's Solar Dynamics Observatory captured this image of the X1.2 class solar flare on May 14, 2013.",
                    "In this photo taken on May 3, police stand guard outside the Velmora courthouse.",
                    "The image shows light with a wavelength of 304 angstroms."):
        assert furniture(caption), caption
    assert not furniture("The council showed this year that it could balance the Velmora budget.")
