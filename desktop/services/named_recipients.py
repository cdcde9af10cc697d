"""The companies the shop's systems file names as recipients, for the register copy (Art. 15(1)(c)).

Why a module of its own: the composition root (`desktop.bootstrap`) and the command line read the
same file the same way, and neither should learn how the sources loader is called.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.policy import Policy
    from desktop.services.register_copy_parts import NamedRecipient

__all__ = ["SOURCES_ENV", "named_systems"]

#: The environment variable that names the systems file when none is given (--sources, the setting).
SOURCES_ENV = "GDPR_DESK_SOURCES"


def named_systems(path: Path | None, policy: Policy) -> tuple[NamedRecipient, ...]:
    """The systems of the file at `path` that say which policy recipient they are (`recipient`), as
    the register copy names them: the system's name beside that recipient.

    `path` None is the sources CLI's default file. A missing or invalid file raises the loader's
    `SourcesError`, which names the file and the problem."""
    from desktop.services.register_copy_parts import NamedRecipient  # lazy: keeps the CLI's start light
    from desktop.services.sync import load_systems  # lazy: the sync module loads SQLAlchemy's schema

    return tuple(NamedRecipient(name=s.name, recipient=s.recipient)
                 for s in load_systems(path, policy).systems if s.recipient is not None)
