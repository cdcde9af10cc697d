"""The right to data portability (Art. 20): the person's own data as a ZIP of JSON and CSV."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from datetime import date, datetime
from typing import Any

from desktop.domain.requests import (
    RequestType,
)
from desktop.domain.roles import Actor
from desktop.models import (
    Customer,
    DsrRequest,
    RecordMixin,
)
from desktop.services.requests.base import RequestCore
from desktop.services.requests.parsing import (
    iso_utc,
)
from desktop.services.requests.portability_format import (
    PORTABILITY_FORMAT,
    PORTABILITY_TABLES,
    PORTABILITY_VERSION,
    PORTABLE_BASES,
    README_TEXT,
    Field,
    portability_schema,
)
from desktop.services.unit_of_work import (
    reference,
)


class PortabilityMixin(RequestCore):
    """Art. 20: export what the person gave, on consent or contract."""

    def _portable(self, record: RecordMixin) -> bool:
        if record.source != "data_subject":
            return False
        for key in record.purpose_keys():
            try:
                if self.ctx.policy.purpose(key).legal_basis in PORTABLE_BASES:
                    return True
            except KeyError:
                continue
        return False

    def export_portability(self, actor: Actor, request_id: int, *, version: int | None = None) -> bytes:
        """A zip of what the person gave on consent or contract: data.json, one CSV per table, schema, README."""
        with self.uow.begin(actor) as w:
            s = w.session
            req = w.load(request_id, version)
            self._require_type(req, RequestType.PORTABILITY)
            customer = w.customer(req.customer_id)
            w.ensure_started(req)
            records: dict[str, list[RecordMixin]] = {t.record_kind: [] for t in PORTABILITY_TABLES}
            for kind, record in self._customer_records(s, customer.id):
                if kind in records and self._portable(record):
                    records[kind].append(record)
            now = self.clock()
            data = self._portability_zip(req, customer, records, now)
            digest = hashlib.sha256(data).hexdigest()
            counts = ", ".join(f"{t.name}={len(records[t.record_kind])}" for t in PORTABILITY_TABLES)
            w.event(req, "export", f"{counts}; sha256={digest}")
            w.flush(req)
            w.audit(req, "request_export_portability", f"{counts}; sha256={digest[:16]}",
                        data="portability_export")
            return data

    def _portability_zip(self, req: DsrRequest, customer: Customer, records: dict[str, list[RecordMixin]],
                         now: datetime) -> bytes:
        def json_value(field: Field, record: Any) -> object:
            value = field.get(record)
            if isinstance(value, datetime):
                return iso_utc(value)
            if isinstance(value, date):
                return value.isoformat()
            return value

        def csv_value(value: object) -> str:
            if value is None:
                return ""
            if isinstance(value, bool):
                return "true" if value else "false"
            if isinstance(value, dict | list):
                return json.dumps(value, ensure_ascii=False, sort_keys=True)
            return str(value)

        tables: dict[str, list[dict[str, object]]] = {}
        for table in PORTABILITY_TABLES:
            rows = []
            for record in records[table.record_kind]:
                row = {f.name: json_value(f, record) for f in table.fields}
                row["restricted"] = bool(record.restricted)
                rows.append(row)
            tables[table.name] = rows
        company = self.ctx.policy.company
        document = {
            "format": PORTABILITY_FORMAT,
            "version": PORTABILITY_VERSION,
            "exported_at": iso_utc(now),
            "reference": reference(req.id),
            "controller": {"name": company.name, "organisation_number": company.organisation_number,
                           "email": company.email},
            "data_subject": {"customer_number": customer.customer_number},
            "tables": tables,
        }
        buffer = io.BytesIO()
        stamp = now.timetuple()[:6]

        def add(name: str, text: str) -> None:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, text.encode("utf-8"))

        with zipfile.ZipFile(buffer, "w") as archive:
            add("README.txt", README_TEXT.format(company=company.name, exported=iso_utc(now),
                                                 reference=reference(req.id)))
            add("schema.json", json.dumps(portability_schema(), ensure_ascii=False, indent=2) + "\n")
            add("data.json", json.dumps(document, ensure_ascii=False, indent=2) + "\n")
            for table in PORTABILITY_TABLES:
                out = io.StringIO()
                writer = csv.writer(out, lineterminator="\r\n")
                names = [f.name for f in table.fields] + ["restricted"]
                writer.writerow(names)
                for row in tables[table.name]:
                    writer.writerow([csv_value(row[n]) for n in names])
                add(f"{table.name}.csv", out.getvalue())
        return buffer.getvalue()
