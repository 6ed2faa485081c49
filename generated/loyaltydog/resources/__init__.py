# Generated from specs/loyaltydog/openapi.yaml. Do not edit; run make generate.
"""The resources of LoyaltyDog: each module loads when the client first uses it."""
