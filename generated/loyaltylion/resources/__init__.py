# Generated from specs/loyaltylion/openapi.yaml. Do not edit; run make generate.
"""The resources of LoyaltyLion Admin API: each module loads when the client first uses it."""
