"""A scratch django-oscar shop driven through Oscar's own code, in its own process.

    OSCAR_DB_URL=postgresql+psycopg://postgres@127.0.0.1/shop python -m tests.helpers.oscar_shop migrate
    ... python -m tests.helpers.oscar_shop apply < ops.json      (prints what it made, as JSON)

`migrate` runs Oscar's migrations. `apply` reads a list of operations: "customer" (an account with an
address in its address book), "order" (placed through Oscar's OrderCreator via
oscar.test.factories.create_order, for an account or a guest e-mail, then moved along the sandbox
pipeline), "note" (an order note), "email" (a sent communication e-mail), "update_user",
"set_status" and "delete_user". Django runs here and never in the pytest process.
"""

from __future__ import annotations

import json
import os
import sys
from decimal import Decimal
from typing import Any


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.helpers.oscar_settings")
    import django

    django.setup()


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _country() -> Any:
    from oscar.core.loading import get_model

    country = get_model("address", "Country")
    obj, _ = country.objects.get_or_create(
        iso_3166_1_a2="NO", defaults={"iso_3166_1_a3": "NOR", "iso_3166_1_numeric": "578",
                                      "name": "Norge", "printable_name": "Norge", "is_shipping_country": True})
    return obj


def _customer(op: dict[str, Any]) -> dict[str, Any]:
    from django.contrib.auth import get_user_model
    from oscar.core.loading import get_model

    user = get_user_model().objects.create_user(
        username=op["username"], email=op.get("email", ""), password="pw-" + op["username"],
        first_name=op.get("first_name", ""), last_name=op.get("last_name", ""))
    out: dict[str, Any] = {"user_id": user.id}
    addr = op.get("address")
    if addr:
        user_address = get_model("address", "UserAddress").objects.create(
            user=user, first_name=op.get("first_name", ""), last_name=op.get("last_name", ""),
            line1=addr["line1"], line4=addr["city"], postcode=addr["postcode"], country=_country(),
            phone_number=addr.get("phone", ""))
        out["address_id"] = user_address.id
    return out


def _order(op: dict[str, Any]) -> dict[str, Any]:
    from django.contrib.auth import get_user_model
    from oscar.core.loading import get_class, get_model
    from oscar.test import factories
    from oscar.test.basket import add_product

    basket = get_model("basket", "Basket").objects.create()
    basket.strategy = get_class("partner.strategy", "Default")()
    for line in op["lines"]:
        product = factories.create_product(title=line["title"], price=Decimal(line["price"]),
                                           num_in_stock=100)
        add_product(basket, product=product, quantity=line.get("quantity", 1))
    who = op.get("first_name", ""), op.get("last_name", "")
    shipping = get_model("order", "ShippingAddress")(
        first_name=who[0], last_name=who[1], line1=op["line1"], line4=op["city"], postcode=op["postcode"],
        country=_country(), phone_number=op.get("phone", ""))
    billing = get_model("order", "BillingAddress")(
        first_name=who[0], last_name=who[1], line1=op["line1"], line4=op["city"], postcode=op["postcode"],
        country=_country())
    shipping.save()  # OrderCreator expects both addresses saved, as the checkout does
    billing.save()
    user = get_user_model().objects.get(username=op["username"]) if op.get("username") else None
    kwargs: dict[str, Any] = {"guest_email": op["guest_email"]} if op.get("guest_email") else {}
    number = op.get("number") or get_class("order.utils", "OrderNumberGenerator")().order_number(basket)
    order = factories.create_order(number=number, basket=basket, user=user,
                                   shipping_address=shipping, billing_address=billing, **kwargs)
    for status in op.get("statuses", []):
        order.set_status(status)
    return {"order_id": order.id, "number": order.number, "status": order.status}


def _apply(op: dict[str, Any]) -> dict[str, Any]:
    from django.contrib.auth import get_user_model
    from oscar.core.loading import get_model

    kind = op["op"]
    if kind == "customer":
        return _customer(op)
    if kind == "order":
        return _order(op)
    if kind == "set_status":
        order = get_model("order", "Order").objects.get(number=op["number"])
        order.set_status(op["status"])
        return {"status": order.status}
    if kind == "note":
        order = get_model("order", "Order").objects.get(number=op["number"])
        note = order.notes.create(message=op["message"], note_type="Info")
        return {"note_id": note.id}
    if kind == "email":
        user = get_user_model().objects.get(username=op["username"])
        mail = get_model("communication", "Email").objects.create(
            user=user, email=user.email, subject=op["subject"], body_text=op["body"])
        return {"email_id": mail.id}
    if kind == "update_user":
        user = get_user_model().objects.get(username=op["username"])
        for field in ("first_name", "last_name", "email"):
            if field in op:
                setattr(user, field, op[field])
        user.save()
        return {"user_id": user.id}
    if kind == "delete_user":
        get_user_model().objects.filter(username=op["username"]).delete()
        return {}
    raise SystemExit(f"unknown operation {kind!r}")


def main(argv: list[str]) -> int:
    _setup()
    if argv[:1] == ["migrate"]:
        migrate()
        return 0
    if argv[:1] == ["apply"]:
        from django.db import transaction

        ops = json.load(sys.stdin)
        with transaction.atomic():
            results = [_apply(op) for op in ops]
        json.dump(results, sys.stdout)
        return 0
    print("usage: python -m tests.helpers.oscar_shop migrate|apply", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
