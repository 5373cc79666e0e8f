import nh3

ALLOWED_TAGS = set("p br strong b em i u s a ul ol li h2 h3 h4 blockquote hr sub sup".split())
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def clean_html(html: str) -> str:
    """Rich text from users, reduced to harmless markup: no scripts, styles, handlers or images."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer nofollow",
    ).strip()
