"""Pages of /dane/: the open data catalogue, data dictionaries and the files themselves.

Datasets are files written nightly by `export_open_data`; a request only reads them. A dataset
not exported yet answers with a 404 page saying so, rather than building a big export on demand.
"""

from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from pomyslowice.core.db_routing import read_from_replica
from pomyslowice.core.page_cache import cache_public_page

from .hsds import build_hsds
from .opendata import (
    CATALOG_FILE,
    DATASETS,
    FORMATS,
    LICENCE_URL,
    TYPE_DESCRIPTIONS,
    Dataset,
    export_directory,
    read_catalog,
)


def _get_dataset(slug: str) -> Dataset:
    try:
        return DATASETS[slug]
    except KeyError:
        raise Http404 from None


def _open_data_file(handle, *, filename: str, content_type: str, as_attachment: bool):
    response = FileResponse(
        handle, as_attachment=as_attachment, filename=filename, content_type=content_type
    )
    # Open data: any site may fetch it from a browser.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _not_published(request, dataset: Dataset | None = None):
    return render(
        request,
        "opendata/not_published.html",
        {"title": _("Not published yet"), "dataset": dataset},
        status=404,
    )


@cache_public_page("organizations", "events", "knowledge", "volunteering")
@require_safe
@read_from_replica
def index(request):
    catalog = read_catalog()
    return render(
        request,
        "opendata/index.html",
        {
            "title": _("Open data"),
            "datasets": [(dataset, catalog.get(slug)) for slug, dataset in DATASETS.items()],
            "hsds": catalog.get("hsds"),
            "licence_url": LICENCE_URL,
        },
    )


@cache_public_page("organizations", "events", "knowledge", "volunteering")
@require_safe
@read_from_replica
def dataset_detail(request, slug: str):
    dataset = _get_dataset(slug)
    return render(
        request,
        "opendata/dataset.html",
        {
            "title": dataset.title,
            "dataset": dataset,
            "entry": read_catalog().get(slug),
            "types": [
                (name, TYPE_DESCRIPTIONS[name])
                for name in dict.fromkeys(column.type for column in dataset.columns)
            ],
            "licence_url": LICENCE_URL,
        },
    )


@require_safe
@read_from_replica
def download(request, slug: str, extension: str):
    dataset = _get_dataset(slug)
    try:
        handle = (export_directory() / f"{slug}.{extension}").open("rb")
    except FileNotFoundError:
        return _not_published(request, dataset)
    return _open_data_file(
        handle, filename=f"{slug}.{extension}", content_type=FORMATS[extension], as_attachment=True
    )


@cache_public_page("organizations", "events", "knowledge", "volunteering")
@require_safe
@read_from_replica
def catalog(request):
    try:
        handle = (export_directory() / CATALOG_FILE).open("rb")
    except FileNotFoundError:
        return _not_published(request)
    return _open_data_file(
        handle, filename=CATALOG_FILE, content_type=FORMATS["json"], as_attachment=False
    )


@cache_public_page("organizations", "events", "knowledge", "volunteering")
@require_safe
@read_from_replica
def hsds(request):
    """Built on each request: a handful of small queries, always current."""
    response = JsonResponse(
        build_hsds(),
        content_type=FORMATS["json"],
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
