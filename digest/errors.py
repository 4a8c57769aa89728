"""One error tree. Messages say what to fix; only ``digest.cli`` turns them into exit codes."""

from __future__ import annotations


class DigestError(Exception):
    """Base of every error the user can act on (exit code 1)."""

    exit_code = 1


class ConfigError(DigestError):
    """config.toml is missing, unreadable or invalid; ``problems`` lists each, with its key path."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = list(problems)
        detail = "; ".join(self.problems)
        super().__init__(f"{path}: {detail}")


class StoreError(DigestError):
    """The SQLite store is corrupt, locked by another run, or unwritable."""


class NoFeedsError(DigestError):
    """Every configured feed failed: there is nothing to build from."""


class DigestFileError(DigestError):
    """An output folder or an edited digest.json is missing or invalid."""


class RenderError(DigestError):
    """A template or the MJML step failed."""


class SendError(DigestError):
    """The mail service refused the message or could not be reached."""


class FetchProblem(Exception):
    """A request failed in a way we can describe; ``str(self)`` is the plain-words reason.

    Not a DigestError: the fetch edge turns it into a ``Fetched.error`` and carries on.
    """
