"""Storage upkeep: uploads leave with the rows that own them, however those rows are deleted
(a service, an account deletion cascading to a leader profile, the admin)."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from pomyslowice.core.files import delete_file_on_commit

from .models import Organization, Person


@receiver(post_delete, sender=Organization, dispatch_uid="organizations.logo_cleanup")
def remove_logo(sender, instance: Organization, **kwargs) -> None:
    delete_file_on_commit(instance.logo.storage, instance.logo.name)


@receiver(post_delete, sender=Person, dispatch_uid="organizations.photo_cleanup")
def remove_photo(sender, instance: Person, **kwargs) -> None:
    delete_file_on_commit(instance.photo.storage, instance.photo.name)
