"""A person's page leads writers to their articles and staff to the review queue."""

import pytest


@pytest.mark.parametrize(
    "persona, writes, reviews",
    [
        ("resident", False, False),
        ("representative", True, False),
        ("coordinator", True, True),
        ("analyst", False, True),
    ],
)
def test_my_page_links_to_the_knowledge_base_work(client_for, persona, writes, reviews):
    text = client_for(persona).get("/en/moje/").text

    assert ('href="/en/wiedza/moje/"' in text) == writes
    assert ('href="/en/wiedza/do-przegladu/"' in text) == reviews
