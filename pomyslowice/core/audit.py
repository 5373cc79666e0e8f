from django.contrib.contenttypes.models import ContentType

from .models import AuditLogEntry


def log_action(*, actor, verb: str, target=None, data: dict | None = None) -> AuditLogEntry:
    """Record one state change. `verb` is dotted: "<app>.<object>.<what happened>"."""
    return AuditLogEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        verb=verb,
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:300] if target is not None else "",
        data=data or {},
    )
