"""Who may do what with data protection matters. Only the coordinator role has these permissions
(accounts/roles.py, _PRIVACY_WORK); every person may act on their own data."""

from .models import ConsentRecord


def consents_of(user):
    """The consents a signed-in person may see and withdraw: those given with their account.
    (Guest consents stay with their address: an account's address may not be verified yet.)"""
    return ConsentRecord.objects.filter(user=user)


def can_handle_requests(user) -> bool:
    return user.has_perm("privacy.change_datarequest")


def can_view_consents(user) -> bool:
    return user.has_perm("privacy.view_consentrecord")


def can_read_access_log(user) -> bool:
    return user.has_perm("privacy.view_personal_data_log")
