"""Brief stage: parse a brief (speaker, outlet, handles, truncation, language) and split it into claims."""

from .claims import RuleClaimExtractor
from .parse import LANGUAGES, MAX_BRIEF_CHARS, RuleBriefParser

__all__ = ["LANGUAGES", "MAX_BRIEF_CHARS", "RuleBriefParser", "RuleClaimExtractor"]
