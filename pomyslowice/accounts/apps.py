from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "pomyslowice.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from .mfa import settle_mfa_on_log_in
        from .roles import sync_roles_after_migrate
        from .sessions import limit_staff_session_on_log_in

        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="accounts.sync_roles")
        user_logged_in.connect(limit_staff_session_on_log_in, dispatch_uid="accounts.staff_session")
        user_logged_in.connect(settle_mfa_on_log_in, dispatch_uid="accounts.staff_mfa")
