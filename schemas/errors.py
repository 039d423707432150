"""The root exception and its families; each subclass carries the data callers need."""

from __future__ import annotations


class NewswatchError(Exception):
    """Root of every error newswatch raises on purpose."""


class ConfigError(NewswatchError):
    """A configuration file or setting is wrong; ``location`` names the file and line."""

    def __init__(self, message: str, *, location: str | None = None) -> None:
        self.location = location
        super().__init__(f"{location}: {message}" if location else message)


class SchemaError(NewswatchError):
    """A message does not match its schema; ``source`` names the topic/offset or file/line."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class ConfigProblems(ConfigError):
    """Several things are wrong with one file; ``problems`` holds one line per problem,
    each starting with ``file:line``, in the order of the file."""

    def __init__(self, name: str, problems: list[str]) -> None:
        self.problems = problems
        if len(problems) == 1:
            # Already "file:line: what"; the location is part of the line.
            NewswatchError.__init__(self, problems[0])
            self.location = None
        else:
            NewswatchError.__init__(self, f"{name}: {len(problems)} problems\n"
                                    + "\n".join(f"  {p}" for p in problems))
            self.location = name


class LocatedProblem:
    """One problem a model validator found, with where it is (a pydantic-style ``loc``)
    and, for duplicates, where the first one is (``also``), so files can name both lines."""

    __slots__ = ("also", "loc", "message")

    def __init__(self, loc: tuple[str | int, ...], message: str,
                 also: tuple[str | int, ...] | None = None) -> None:
        self.loc, self.message, self.also = loc, message, also

    def __str__(self) -> str:
        where = _dotted(self.loc)
        also = f" (first at {_dotted(self.also)})" if self.also else ""
        return f"{where}: {self.message}{also}"


class LocatedProblems(ValueError):
    """Raised by model validators that check across fields: every problem at once."""

    def __init__(self, problems: list[LocatedProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def _dotted(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
