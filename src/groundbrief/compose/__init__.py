"""Compose stage: verified material → the explainer's sections."""
