"""groundbrief: from a short news brief to a source-grounded, cited explainer."""

__version__ = "0.1.0"
