# Generated from specs/loyaltylion/openapi.yaml. Do not edit; run make generate.
"""Models of LoyaltyLion Admin API.

Each model's module loads when the model is first used, so importing this package is cheap.
"""

from __future__ import annotations

import importlib
import typing

if typing.TYPE_CHECKING:
    from .client_error_bad_request import ClientErrorBadRequest, ClientErrorBadRequestError
    from .currency_amount import CurrencyAmount
    from .customers_update_customer_request_body import (
        CustomersUpdateCustomerRequestBody,
        CustomersUpdateCustomerRequestBodyCustomer,
    )
    from .customers_update_customer_response_body import (
        CustomersUpdateCustomerResponseBody,
        CustomersUpdateCustomerResponseBodyCustomer,
        CustomersUpdateCustomerResponseBodyCustomerInsightsSegment,
        CustomersUpdateCustomerResponseBodyCustomerLoyaltyTierMembership,
        CustomersUpdateCustomerResponseBodyCustomerLoyaltyTierMembershipLoyaltyTier,
        CustomersUpdateCustomerResponseBodyCustomerMetadata,
        CustomersUpdateCustomerResponseBodyCustomerReferredBy,
        CustomersUpdateCustomerResponseBodyCustomerRewardsUsed,
    )
    from .tier_eligibility_points import (
        TierEligibilityPoints,
        TierEligibilityPointsForecastedTier,
        TierEligibilityPointsTierPoints,
        TierEligibilityPointsUpgradeTier,
    )
    from .tier_eligibility_spend import (
        TierEligibilitySpend,
        TierEligibilitySpendForecastedTier,
        TierEligibilitySpendTierSpend,
        TierEligibilitySpendUpgradeTier,
    )
    from .update_customer_forbidden_error import (
        UpdateCustomerForbiddenError,
        UpdateCustomerForbiddenErrorError,
    )
    from .update_customer_not_found_error import UpdateCustomerNotFoundError
    from .update_customer_unauthorized_error import (
        UpdateCustomerUnauthorizedError,
        UpdateCustomerUnauthorizedErrorError,
    )

__all__ = [
    "ClientErrorBadRequest",
    "ClientErrorBadRequestError",
    "CurrencyAmount",
    "CustomersUpdateCustomerRequestBody",
    "CustomersUpdateCustomerRequestBodyCustomer",
    "CustomersUpdateCustomerResponseBody",
    "CustomersUpdateCustomerResponseBodyCustomer",
    "CustomersUpdateCustomerResponseBodyCustomerInsightsSegment",
    "CustomersUpdateCustomerResponseBodyCustomerLoyaltyTierMembership",
    "CustomersUpdateCustomerResponseBodyCustomerLoyaltyTierMembershipLoyaltyTier",
    "CustomersUpdateCustomerResponseBodyCustomerMetadata",
    "CustomersUpdateCustomerResponseBodyCustomerReferredBy",
    "CustomersUpdateCustomerResponseBodyCustomerRewardsUsed",
    "TierEligibilityPoints",
    "TierEligibilityPointsForecastedTier",
    "TierEligibilityPointsTierPoints",
    "TierEligibilityPointsUpgradeTier",
    "TierEligibilitySpend",
    "TierEligibilitySpendForecastedTier",
    "TierEligibilitySpendTierSpend",
    "TierEligibilitySpendUpgradeTier",
    "UpdateCustomerForbiddenError",
    "UpdateCustomerForbiddenErrorError",
    "UpdateCustomerNotFoundError",
    "UpdateCustomerUnauthorizedError",
    "UpdateCustomerUnauthorizedErrorError",
]

_MODULES = {
    "ClientErrorBadRequestError": "client_error_bad_request",
    "ClientErrorBadRequest": "client_error_bad_request",
    "CurrencyAmount": "currency_amount",
    "CustomersUpdateCustomerRequestBodyCustomer": "customers_update_customer_request_body",
    "CustomersUpdateCustomerRequestBody": "customers_update_customer_request_body",
    "CustomersUpdateCustomerResponseBodyCustomerInsightsSegment": "customers_update_customer_response_body",
    "CustomersUpdateCustomerResponseBodyCustomerLoyaltyTierMembershipLoyaltyTier": "customers_update_customer_response_body",
    "CustomersUpdateCustomerResponseBodyCustomerLoyaltyTierMembership": "customers_update_customer_response_body",
    "CustomersUpdateCustomerResponseBodyCustomerMetadata": "customers_update_customer_response_body",
    "CustomersUpdateCustomerResponseBodyCustomerReferredBy": "customers_update_customer_response_body",
    "CustomersUpdateCustomerResponseBodyCustomerRewardsUsed": "customers_update_customer_response_body",
    "CustomersUpdateCustomerResponseBodyCustomer": "customers_update_customer_response_body",
    "CustomersUpdateCustomerResponseBody": "customers_update_customer_response_body",
    "TierEligibilityPointsForecastedTier": "tier_eligibility_points",
    "TierEligibilityPointsTierPoints": "tier_eligibility_points",
    "TierEligibilityPointsUpgradeTier": "tier_eligibility_points",
    "TierEligibilityPoints": "tier_eligibility_points",
    "TierEligibilitySpendForecastedTier": "tier_eligibility_spend",
    "TierEligibilitySpendTierSpend": "tier_eligibility_spend",
    "TierEligibilitySpendUpgradeTier": "tier_eligibility_spend",
    "TierEligibilitySpend": "tier_eligibility_spend",
    "UpdateCustomerForbiddenErrorError": "update_customer_forbidden_error",
    "UpdateCustomerForbiddenError": "update_customer_forbidden_error",
    "UpdateCustomerNotFoundError": "update_customer_not_found_error",
    "UpdateCustomerUnauthorizedErrorError": "update_customer_unauthorized_error",
    "UpdateCustomerUnauthorizedError": "update_customer_unauthorized_error",
}


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)
