from django.core.paginator import Paginator
from django.http import HttpRequest
from django.shortcuts import render
from django.utils.http import urlencode

from pomyslowice.core.db_routing import read_from_replica
from pomyslowice.core.page_cache import cache_public_page

from .query import COUNT_CAP, search
from .registry import registered

PER_PAGE = 20


@cache_public_page("organizations", "events", "knowledge", "volunteering")
@read_from_replica
def results(request: HttpRequest):
    q = request.GET.get("q", "")
    kinds = registered()
    kind = request.GET.get("rodzaj", "")
    kind = kind if kind in kinds else ""
    page_number = _page_number(request.GET.get("strona"))
    found = search(
        q,
        kinds=[kind] if kind else None,
        limit=PER_PAGE,
        offset=(page_number - 1) * PER_PAGE,
        user=request.user,
    )
    # The paginator only does the arithmetic; the items are the page search() returned. Pages
    # end at the capped count: nobody reads result 1,001 of a search.
    paginator = Paginator(range(found.count), PER_PAGE)
    page = paginator.get_page(page_number)
    filters = [
        {
            "kind": key,
            "label": searchable.label,
            "count": found.counts_by_kind.get(key, 0),
            "query": urlencode({"q": found.query, "rodzaj": key}),
        }
        for key, searchable in kinds.items()
        if found.counts_by_kind.get(key) or key == kind
    ]
    all_count = sum(found.counts_by_kind.values())
    return render(
        request,
        "search/results.html",
        {
            "q": found.query or q[:200],
            "found": found,
            "kind": kind,
            "filters": filters,
            "all_count": min(all_count, COUNT_CAP),
            "all_is_capped": found.counts_are_lower_bounds,
            # Counts of a sample would only confuse: kinds then show no number.
            "kind_counts_shown": not found.counts_are_lower_bounds,
            "all_query": urlencode({"q": found.query}),
            "page": page,
            "suggestion_query": urlencode({"q": found.suggestion}) if found.suggestion else "",
        },
    )


def _page_number(value) -> int:
    return int(value) if value and value.isdigit() and 0 < int(value) < 10_000 else 1
