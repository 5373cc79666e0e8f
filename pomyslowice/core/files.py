from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import transaction


class PrivateStorage(FileSystemStorage):
    """Files kept outside MEDIA_ROOT: only views that check who may see them serve them.

    The location is read from settings on every use (not once), so tests and deployments
    that change PRIVATE_MEDIA_ROOT take effect at once.
    """

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    def deconstruct(self):
        return ("pomyslowice.core.files.PrivateStorage", [], {})


private_storage = PrivateStorage()


def delete_file_on_commit(storage, name: str) -> None:
    """Remove a replaced or orphaned upload, but only once the change that dropped it is saved."""
    if name:
        transaction.on_commit(lambda: storage.delete(name))
