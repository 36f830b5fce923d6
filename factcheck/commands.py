"""`check`, `rules` and `explain` (registered on the main group)."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Filled in by the checking stage."""
