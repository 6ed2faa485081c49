# Generated from specs/capillary/openapi.yaml. Do not edit; run make generate.
"""The resources of Capillary Customer API (v2): each module loads when the client first uses it."""
