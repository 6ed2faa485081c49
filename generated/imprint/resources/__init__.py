# Generated from specs/imprint/openapi.yaml. Do not edit; run make generate.
"""The resources of Public Imprint API: each module loads when the client first uses it."""
