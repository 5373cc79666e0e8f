from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "pomyslowice.reports"
    label = "reports"
    verbose_name = _("Indicators and reports")

    def ready(self):
        from pomyslowice.accounts.models import User
        from pomyslowice.organizations.models import SupportRecord
        from pomyslowice.privacy.models import ErasureRecord

        from .indicator_snapshots import everything_changed, support_changed

        # Cache upkeep only: the kept indicator figures follow the support they count.
        for signal in (post_save, post_delete):
            signal.connect(support_changed, sender=SupportRecord, dispatch_uid="reports-support")
        # An erasure anonymises support with bulk updates, and a deleted account leaves its
        # support without a person (SET_NULL): neither sends SupportRecord signals.
        post_save.connect(everything_changed, sender=ErasureRecord, dispatch_uid="reports-erasure")
        post_delete.connect(everything_changed, sender=User, dispatch_uid="reports-account")
