"""``waishi rotate_pii_keys``: re-encrypt personal data under the current key.

Put the new key first in WAISHI_PII_KEYS (keeping the old ones after it), deploy, then run
this command. It walks every model with encrypted fields in primary-key order, one
transaction per batch, and rewrites only values not already under the current key, so it
can be interrupted and run again. ``--reindex`` also recomputes every blind index (needed
after WAISHI_PII_INDEX_KEY changes).
"""

from collections import Counter
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, models, transaction
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from waishi.core import crypto, pii


def _plaintext(stored: str) -> str:
    return crypto.decrypt(stored) if crypto.is_encrypted(stored) else stored


def rotate_model(
    model: type[models.Model],
    fields: list[pii.EncryptedTextField],
    *,
    batch_size: int,
    reindex: bool,
) -> Counter[str]:
    """Re-encrypt (and optionally re-index) one model; returns counts per field."""
    counts: Counter[str] = Counter()
    current = crypto.key_ring().current_id
    index_fields = [f for f in model._meta.concrete_fields if isinstance(f, pii.BlindIndexField)]
    # Cast to plain text so the stored ciphertext comes back as it is, not decrypted.
    raw = {f"_raw_{f.attname}": Cast(f.attname, output_field=models.TextField()) for f in fields}
    manager = model._base_manager
    last_pk: Any = None
    while True:
        with transaction.atomic():
            rows = manager.order_by("pk").select_for_update()
            if last_pk is not None:
                rows = rows.filter(pk__gt=last_pk)
            batch = list(rows.annotate(**raw).values("pk", *raw)[:batch_size])
            for row in batch:
                updates: dict[str, Any] = {}
                plain: dict[str, str] = {}
                for field in fields:
                    stored = row[f"_raw_{field.attname}"]
                    if not stored:
                        continue
                    counts[f"{field.name}:values"] += 1
                    plain[field.name] = _plaintext(stored)
                    if crypto.key_id_of(stored) != current:
                        updates[field.attname] = plain[field.name]
                        counts[f"{field.name}:rotated"] += 1
                if reindex:
                    for index in index_fields:
                        value = plain.get(index.source, "")
                        updates[index.attname] = pii.digest(model, index.source, value)
                        counts[f"{index.name}:reindexed"] += 1
                if updates:
                    manager.filter(pk=row["pk"]).update(**updates)
        if len(batch) < batch_size:
            return counts
        last_pk = batch[-1]["pk"]


class Command(BaseCommand):
    help = "Re-encrypt every encrypted personal-data field under the current key."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument(
            "--reindex", action="store_true", help="Also recompute every blind index."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        current = crypto.key_ring().current_id
        self.stdout.write(_("Current key: %(key)s") % {"key": current})
        total = 0
        tables = set(connection.introspection.table_names())
        for model, fields in pii.encrypted_models():
            if model._meta.db_table not in tables:
                self.stderr.write(
                    _("%(model)s: skipped, its table does not exist (migrations not applied?)")
                    % {"model": model._meta.label_lower}
                )
                continue
            counts = rotate_model(
                model, fields, batch_size=options["batch_size"], reindex=options["reindex"]
            )
            for field in fields:
                values = counts[f"{field.name}:values"]
                rotated = counts[f"{field.name}:rotated"]
                total += rotated
                self.stdout.write(
                    _("%(field)s: %(values)s values, %(rotated)s re-encrypted")
                    % {
                        "field": f"{model._meta.label_lower}.{field.name}",
                        "values": values,
                        "rotated": rotated,
                    }
                )
            for name, count in sorted(counts.items()):
                if name.endswith(":reindexed"):
                    index_name = name.split(":")[0]
                    self.stdout.write(
                        _("%(field)s: %(count)s re-indexed")
                        % {"field": f"{model._meta.label_lower}.{index_name}", "count": count}
                    )
        self.stdout.write(
            self.style.SUCCESS(_("Done: %(total)s values re-encrypted.") % {"total": total})
        )
