"""App servers load the search dictionaries at start-up (wsgi.py), not in the first search."""

import gc

from pomyslowice.search import analysis


def test_warm_up_loads_the_stemmer_table_and_leaves_the_collector_on():
    analysis.warm_up()

    assert analysis._stemmer.cache_info().currsize == 1
    assert gc.isenabled()
    # Words Morfeusz does not know go through the table, inflected or typed without accents.
    assert analysis._stemmer()("myslowicach") == "myslowica"
    assert "myslowica" in analysis.word_terms("myslowicach", query=True)
