"""``newswatch schema``: JSON Schema of every message and config file, for editors and
for consumers written in other languages."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import BaseModel

# Name -> "module:class" under newswatch.schemas, imported only when a schema is printed.
MODELS: dict[str, str] = {
    "article": "article:Article",
    "company-event": "event:CompanyEvent",
    "alert": "alert:Alert",
    "digest-alert": "digest:DigestAlert",
    "digest-tick": "digest:DigestTick",
    "delivery": "delivery:Delivery",
    "dead-letter": "deadletter:DeadLetter",
    "rules": "rules:RulesFile",
    "feeds": "feeds:FeedsFile",
}


def model(name: str) -> type[BaseModel]:
    import importlib

    module, _, cls = MODELS[name].partition(":")
    found: type[BaseModel] = getattr(importlib.import_module(f"newswatch.schemas.{module}"),
                                     cls)
    return found


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("schema", help="print or export JSON Schemas of messages and files")
    parser.add_argument("name", nargs="?", choices=sorted(MODELS), help="one schema to print")
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="write every schema to DIR/<name>.schema.json")
    parser.set_defaults(handler=_schema)


def _schema(args: argparse.Namespace) -> int:
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        for name in MODELS:
            path = args.out / f"{name}.schema.json"
            path.write_text(json.dumps(model(name).model_json_schema(), indent=2) + "\n")
            print(path)
        return 0
    if args.name is None:
        print("schemas: " + ", ".join(sorted(MODELS)) + " (or --out DIR for all)")
        return 0
    print(json.dumps(model(args.name).model_json_schema(), indent=2))
    return 0
