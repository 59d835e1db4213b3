"""Errors a user can cause. The CLI prints ``str(error)`` as one line and exits non-zero."""


class GroundbriefError(Exception):
    """A problem with the user's input or environment, stated as "what is wrong; what to do"."""

    exit_code = 1


class InputError(GroundbriefError):
    """Bad input: a brief, a file, a URL, an option value."""

    exit_code = 2


class StoreError(GroundbriefError):
    """The store file is missing, corrupt, locked or from a newer version."""

    exit_code = 3


class BackendError(GroundbriefError):
    """A configured backend (model, endpoint) cannot be loaded or reached."""

    exit_code = 4


class DeadlineError(GroundbriefError):
    """Work that ran past its configured deadline and was stopped with nothing published."""

    exit_code = 5
