"""Plans, features and their use, as the app wires them: one object over four modules of one idea each.

``services.catalogue`` keeps plans and the features they grant, ``services.metering``
records usage, ``services.access`` answers access checks and ``services.usage_billing``
prices a period's usage. ``FeatureService`` only hands each call to the part that answers it.
"""

from __future__ import annotations

from services.access import FeatureAccess
from services.catalogue import PlanCatalogue
from services.clock import Clock
from services.metering import UsageMeter
from services.usage_billing import period_usage_lines, period_usage_minor


class FeatureService:
    def __init__(self, clock: Clock) -> None:
        self.catalogue = PlanCatalogue(clock)
        self.meter = UsageMeter(clock)
        self.access = FeatureAccess(clock)

        self.create_plan = self.catalogue.create_plan
        self.update_plan = self.catalogue.update_plan
        self.get_plan = self.catalogue.get_plan
        self.list_plans = self.catalogue.list_plans
        self.create_feature = self.catalogue.create_feature
        self.list_features = self.catalogue.list_features
        self.set_plan_feature = self.catalogue.set_plan_feature
        self.plan_features = self.catalogue.plan_features
        self.record_usage = self.meter.record_usage
        self.check_access = self.access.check_access
        self.period_usage_lines = period_usage_lines
        self.period_usage_minor = period_usage_minor
