"""``newswatch schema``: JSON Schema of every message and config file, for editors and
for consumers written in other languages."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pydantic import BaseModel

from newswatch.schemas import (
    Alert,
    Article,
    CompanyEvent,
    DeadLetter,
    Delivery,
    DigestAlert,
    DigestTick,
    RulesFile,
)
from newswatch.schemas.feeds import FeedsFile

MODELS: dict[str, type[BaseModel]] = {
    "article": Article,
    "company-event": CompanyEvent,
    "alert": Alert,
    "digest-alert": DigestAlert,
    "digest-tick": DigestTick,
    "delivery": Delivery,
    "dead-letter": DeadLetter,
    "rules": RulesFile,
    "feeds": FeedsFile,
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("schema", help="print or export JSON Schemas of messages and files")
    parser.add_argument("name", nargs="?", choices=sorted(MODELS), help="one schema to print")
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="write every schema to DIR/<name>.schema.json")
    parser.set_defaults(handler=_schema)


def _schema(args: argparse.Namespace) -> int:
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, model in MODELS.items():
            path = args.out / f"{name}.schema.json"
            path.write_text(json.dumps(model.model_json_schema(), indent=2) + "\n")
            print(path)
        return 0
    if args.name is None:
        print("schemas: " + ", ".join(sorted(MODELS)) + " (or --out DIR for all)")
        return 0
    print(json.dumps(MODELS[args.name].model_json_schema(), indent=2))
    return 0
