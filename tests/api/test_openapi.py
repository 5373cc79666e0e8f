"""The OpenAPI document and the docs page, which must load nothing from another host."""

import re

import pytest

OPENAPI = "/api/v1/openapi.json"
DOCS = "/api/v1/docs"


def test_openapi_document(client, db):
    response = client.get(OPENAPI)

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Pomysłowice API"
    assert schema["info"]["version"] == "1"
    assert {
        "/api/v1/organizations",
        "/api/v1/organizations/{slug}",
        "/api/v1/people",
        "/api/v1/me",
    } <= set(schema["paths"])


def test_openapi_marks_only_me_as_needing_a_token(client, db):
    schema = client.get(OPENAPI).json()

    assert schema["paths"]["/api/v1/me"]["get"]["security"] == [{"TokenAuth": []}]
    assert schema["components"]["securitySchemes"]["TokenAuth"] == {
        "type": "http",
        "scheme": "bearer",
    }
    for path in ("/api/v1/organizations", "/api/v1/organizations/{slug}", "/api/v1/people"):
        assert "security" not in schema["paths"][path]["get"]


def query_parameters(schema: dict, path: str) -> dict:
    return {p["name"]: p["schema"] for p in schema["paths"][path]["get"]["parameters"]}


@pytest.mark.parametrize("path", ["/api/v1/organizations", "/api/v1/people"])
def test_openapi_documents_the_pagination_limits(client, db, path):
    parameters = query_parameters(client.get(OPENAPI).json(), path)

    assert parameters["limit"]["default"] == 20
    assert parameters["limit"]["maximum"] == 100
    assert parameters["offset"]["minimum"] == 0


def test_openapi_documents_the_organization_filters(client, db):
    parameters = query_parameters(client.get(OPENAPI).json(), "/api/v1/organizations")
    assert {"q", "kind", "area", "district", "public_benefit"} <= set(parameters)


def test_every_reference_in_the_openapi_document_resolves(client, db):
    schema = client.get(OPENAPI).json()
    refs = set(re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', client.get(OPENAPI).text))

    assert refs
    assert refs <= set(schema["components"]["schemas"])


@pytest.fixture
def static_files_without_manifest(settings):
    # Tests run without collectstatic, so the manifest storage of DEBUG=0 has no manifest.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def test_docs_page_uses_only_local_assets(client, db, static_files_without_manifest):
    response = client.get(DOCS)

    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/static/ninja/swagger-ui-bundle.js" in assets
    assert "/static/ninja/swagger-ui.css" in assets
    assert all(asset.startswith("/static/ninja/") for asset in assets), assets
    assert "//" not in "".join(assets)
    assert '"url": "/api/v1/openapi.json"' in html
    # Swagger UI would otherwise post the document to validator.swagger.io.
    assert '"validatorUrl": null' in html
