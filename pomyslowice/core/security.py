"""Security headers Django does not set itself: a Content-Security-Policy without inline scripts
or styles and a Permissions-Policy.

A view that needs its own policy (the embeddable widget, downloads served sandboxed) sets the
header itself; the middleware leaves it alone.
"""

import base64
import hashlib
import re
from pathlib import Path

from django_prose_editor.widgets import importmap as rich_text_importmap

ERROR_PAGE = Path(__file__).parent / "templates" / "500.html"


def _source_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def _error_page_style_hash() -> str:
    """The 500 and 400 pages carry their one inline <style>: they are rendered when static files
    or the database may be broken. The policy allows exactly that block, by its hash."""
    return _source_hash(re.search(r"<style>(.*?)</style>", ERROR_PAGE.read_text(), re.DOTALL)[1])


def _rich_text_importmap_hash() -> str:
    """The rich-text editor maps its module names to static files in an inline import map, which
    the policy must name. Its URLs depend on the static files storage, so it is hashed as the
    page renders it."""
    return _source_hash(re.search(r">(.*)</script>", str(rich_text_importmap), re.DOTALL)[1])


def content_security_policy(response) -> str:
    # Only a page can run the editor; other responses need no static files looked up.
    is_page = response.headers.get("Content-Type", "").startswith("text/html")
    return CONTENT_SECURITY_POLICY.replace(
        " {importmap}", f" {_rich_text_importmap_hash()}" if is_page else ""
    )


# The editor's engine (Tiptap, inside django-prose-editor's editor.js) adds one fixed <style>
# element of its own. An update that changes it shows up as a blocked style in the browser tests.
TIPTAP_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' {importmap}",
        f"style-src 'self' {_error_page_style_hash()} {TIPTAP_STYLE_HASH}",
        # Uploaded images are served from our media; Swagger UI draws icons as data: URLs, and
        # the QR code that sets up two-step verification is one (an SVG drawn by allauth).
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response.headers:
            response.headers["Content-Security-Policy"] = content_security_policy(response)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
