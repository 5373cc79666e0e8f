"""Who may read, write, review and publish articles. Views, services and the API ask here.

Staff with knowledge.change_article edit everything; with knowledge.publish_article they also
publish, return and archive. Staff with knowledge.view_article read drafts and the review queue.
Organisations' representatives propose good practices and news for organisations they represent,
and keep editing their proposal while it is a draft or in review. Everyone reads published
articles once their publication moment has come; archived ones stay readable at their address.
Anything else is a 404, never a hint that it exists.
"""

from django.http import Http404

from pomyslowice.organizations.models import Membership, Organization

from .models import Article


def can_edit_all(user) -> bool:
    return user.is_authenticated and user.has_perm("knowledge.change_article")


def can_publish(user) -> bool:
    return user.is_authenticated and user.has_perm("knowledge.publish_article")


def can_read_drafts(user) -> bool:
    return user.is_authenticated and (user.has_perm("knowledge.view_article") or can_edit_all(user))


def represented_organizations(user):
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE
    ).order_by("name", "pk")


def can_propose(user) -> bool:
    return represented_organizations(user).filter(status=Organization.Status.PUBLISHED).exists()


def can_write(user) -> bool:
    return can_edit_all(user) or can_propose(user)


def allowed_kinds(user) -> list[str]:
    if can_edit_all(user):
        return list(Article.Kind.values)
    if can_propose(user):
        return list(Article.PROPOSABLE_KINDS)
    return []


def organizations_for_writer(user):
    """Organisations a writer may link an article to."""
    if can_edit_all(user):
        return Organization.objects.published().order_by("name", "pk")
    return represented_organizations(user).filter(status=Organization.Status.PUBLISHED)


def is_own_proposal(user, article: Article) -> bool:
    return (
        user.is_authenticated
        and article.author_id == user.pk
        and article.status in (Article.Status.DRAFT, Article.Status.IN_REVIEW)
    )


def can_edit_article(user, article: Article) -> bool:
    if can_edit_all(user):
        return True
    return (
        is_own_proposal(user, article)
        and article.kind in Article.PROPOSABLE_KINDS
        and can_propose(user)
    )


def can_see_article(user, article: Article) -> bool:
    if article.is_public():
        return True
    return can_read_drafts(user) or (user.is_authenticated and article.author_id == user.pk)


def get_article_for_user(user, slug: str) -> Article:
    article = Article.objects.select_related("author").filter(slug=slug).first()
    if article is None or not can_see_article(user, article):
        raise Http404
    return article


def get_article_to_edit(user, slug: str) -> Article:
    article = get_article_for_user(user, slug)
    if not can_edit_article(user, article):
        raise Http404
    return article


def get_article_for_staff(user, slug: str) -> Article:
    """For revision history, publishing and reviewing: staff who read drafts only."""
    if not can_read_drafts(user):
        raise Http404
    return get_article_for_user(user, slug)
