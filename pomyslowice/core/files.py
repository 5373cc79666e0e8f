from django.db import transaction


def delete_file_on_commit(storage, name: str) -> None:
    """Remove a replaced or orphaned upload, but only once the change that dropped it is saved."""
    if name:
        transaction.on_commit(lambda: storage.delete(name))
