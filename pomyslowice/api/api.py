from ninja import NinjaAPI

api = NinjaAPI(
    title="Pomysłowice API",
    version="1",
    urls_namespace="api-v1",
)
