"""``newswatch dlq list|show|replay``: read the dead-letter topic, re-drive fixed messages.

Each dead letter says which stage gave up on which message and why. ``replay`` sends the
message (or a fixed copy of it, ``--payload-file``) back to the topic it was read from,
after checking it against that topic's schema, so a still-broken message is reported here
instead of being dead-lettered again.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from newswatch.schemas.errors import ConfigError

if TYPE_CHECKING:
    from newswatch.kafkaio.clients import KafkaClients
    from newswatch.kafkaio.redrive import StoredLetter
    from newswatch.kafkaio.topics import TopicNames

STAGES = ("produce", "detect", "route", "notify")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    dlq = sub.add_parser("dlq", help="list, show and re-drive dead letters",
                         description="Read <prefix>.dlq: what a stage could not process or "
                         "deliver, with the reason; re-drive fixed messages to their topic.")
    dsub = dlq.add_subparsers(dest="dlq_command", metavar="ACTION", required=True)

    listing = dsub.add_parser("list", help="one line per dead letter, oldest first")
    listing.add_argument("--stage", choices=STAGES, help="only this stage's dead letters")
    listing.add_argument("--last", type=int, metavar="N", help="only the newest N")
    listing.add_argument("--json", action="store_true", help="JSON lines, payload included")
    listing.set_defaults(handler=_list)

    show = dsub.add_parser("show", help="everything about one dead letter")
    show.add_argument("id", metavar="ID", help="as `dlq list` shows it (OFFSET or P:OFFSET)")
    show.add_argument("--payload", action="store_true",
                      help="print only the original message, e.g. to edit it for replay")
    show.set_defaults(handler=_show)

    replay = dsub.add_parser(
        "replay", help="send dead letters back to the topic they came from",
        description="Check each message against its topic's schema and send it back, keyed "
        "as that topic is. Exit 1 if any could not be re-driven (each is named).")
    replay.add_argument("ids", nargs="*", metavar="ID", help="dead letters to re-drive")
    replay.add_argument("--stage", choices=STAGES, help="every dead letter of this stage")
    replay.add_argument("--all", action="store_true", help="every dead letter")
    replay.add_argument("--payload-file", type=Path, metavar="FILE",
                        help="send FILE's content instead of the stored payload (one ID only)")
    replay.add_argument("--dry-run", action="store_true", help="check and show, send nothing")
    replay.set_defaults(handler=_replay)


def _letters() -> tuple[list[StoredLetter], KafkaClients, TopicNames]:
    from newswatch.kafkaio.clients import KafkaClients
    from newswatch.kafkaio.redrive import read_dead_letters
    from newswatch.kafkaio.topics import TopicNames
    from newswatch.schemas.settings import load_settings

    settings = load_settings()
    clients = KafkaClients(settings)
    clients.check_reachable()
    topics = TopicNames.from_settings(settings)
    return read_dead_letters(clients, topics), clients, topics


def _list(args: argparse.Namespace) -> int:
    letters, _, topics = _letters()
    if args.stage:
        letters = [s for s in letters if s.letter is not None and s.letter.stage == args.stage]
    if args.last:
        letters = letters[-args.last:]
    if args.json:
        for stored in letters:
            body = stored.letter.model_dump(mode="json") if stored.letter else {
                "problem": stored.problem}
            print(json.dumps({"id": stored.id, **body}))
        return 0
    if not letters:
        print(f"no dead letters in {topics.dlq}"
              + (f" from stage {args.stage}" if args.stage else ""))
        return 0
    rows = [_row(s) for s in letters]
    header = ("ID", "AT (UTC)", "STAGE", "FROM", "KEY", "REASON")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    room = max(30, shutil.get_terminal_size((160, 20)).columns - sum(widths) - 10)
    for row in [header, *rows]:
        cells = [c.ljust(w) for c, w in zip(row[:5], widths, strict=True)]
        print("  ".join([*cells, _cut(row[5], room)]))
    return 0


def _row(stored: StoredLetter) -> tuple[str, str, str, str, str, str]:
    letter = stored.letter
    if letter is None:
        return (stored.id, "?", "?", "?", "?", f"unreadable dead letter: {stored.problem}")
    where = (f"{letter.source_topic}[{letter.partition}]@{letter.offset}"
             if letter.source_topic else "-")
    return (stored.id, letter.at.strftime("%Y-%m-%d %H:%M:%S"), letter.stage, where,
            _cut(letter.key or "-", 32), letter.reason.replace("\n", " "))


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _show(args: argparse.Namespace) -> int:
    from newswatch.kafkaio.redrive import find_letter

    letters, _, _ = _letters()
    stored = find_letter(letters, args.id)
    letter = stored.letter
    if letter is None:
        raise ConfigError(f"dead letter {stored.id} cannot be read: {stored.problem}")
    if args.payload:
        sys.stdout.write(letter.payload)
        return 0
    print(f"id:      {stored.id}")
    print(f"at:      {letter.at.isoformat()}")
    print(f"stage:   {letter.stage}")
    if letter.source_topic:
        print(f"from:    {letter.source_topic} partition {letter.partition} "
              f"offset {letter.offset}")
    print(f"key:     {letter.key or '-'}")
    print(f"reason:  {letter.reason}")
    print("payload:")
    try:
        print(json.dumps(json.loads(letter.payload), indent=2, ensure_ascii=False))
    except ValueError:
        print(letter.payload)
    return 0


def _replay(args: argparse.Namespace) -> int:
    from newswatch.kafkaio.redrive import find_letter, plan_redrive, send_redrives
    from newswatch.schemas.errors import SchemaError

    if not (args.ids or args.stage or args.all):
        raise ConfigError("say which dead letters to re-drive: IDs, --stage STAGE or --all")
    if args.payload_file is not None and len(args.ids) != 1:
        raise ConfigError("--payload-file replaces the payload of exactly one dead letter: "
                          "give one ID")
    payload = None
    if args.payload_file is not None:
        try:
            payload = args.payload_file.read_bytes()
        except OSError as exc:
            raise ConfigError(f"cannot read {args.payload_file}: {exc.strerror}") from None
    letters, clients, topics = _letters()
    chosen = [find_letter(letters, i) for i in args.ids] if args.ids else [
        s for s in letters
        if args.all or (s.letter is not None and s.letter.stage == args.stage)]
    plans, refused = [], []
    for stored in chosen:
        try:
            plans.append(plan_redrive(stored, topics, payload))
        except SchemaError as exc:
            refused.append(str(exc))
    for plan in plans:
        verb = "would re-drive" if args.dry_run else "re-driving"
        print(f"{verb} dead letter {plan.stored.id} to {plan.topic} (key {plan.key.decode()})")
    if plans and not args.dry_run:
        send_redrives(clients, topics.dlq, plans)
    for problem in refused:
        print(f"not re-driven: {problem}", file=sys.stderr)
    done = "checked" if args.dry_run else "re-driven"
    print(f"{len(plans)} dead letter(s) {done}, {len(refused)} refused")
    return 1 if refused or not chosen else 0
