"""Verification: does a passage support, contradict, or say nothing about a claim?

``DefaultVerifier`` combines the bundled NLI model (loaded on first use) with the deterministic
detail checks of :mod:`groundbrief.verify.checks`; ``missing_facts`` is the I4/I5 check the
composer applies to every statement it writes.
"""

from .checks import missing_facts
from .default import DefaultVerifier, VerifierSettings

__all__ = ["DefaultVerifier", "VerifierSettings", "missing_facts"]
