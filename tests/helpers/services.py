"""The desk's services for a test, composed as the application composes them (`build_services`).

Widgets no longer build services; a test hands them these, and replaces one where it needs its own
(a clock, a service that fails) with `desk_services(ctx, requests=...)`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from desktop.bootstrap import DeskServices, SignInServices, build_services, build_sign_in
from desktop.services.context import DeskContext
from desktop.ui.i18n import current_lang
from desktop.ui.settings_store import desk_settings


def desk_services(ctx: DeskContext, **replace: Any) -> DeskServices:
    """Every service of a signed-in desk over `ctx`, in the interface language now; `replace` swaps some."""
    services = build_services(ctx, desk_settings, lang=current_lang())
    return dataclasses.replace(services, **replace) if replace else services


def sign_in_services(ctx: DeskContext) -> SignInServices:
    """The login and first-administrator dialogs' services over `ctx`."""
    return build_sign_in(ctx)
