"""``rules explain``: what detection found in an article and which watches would fire.

Detection explains itself (``detection.explain``); the watch verdicts come from the
``Router`` the worker runs, so ``explain`` can never disagree with what is routed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..schemas.article import Article
from .detection.explain import DetectionReport
from .routing import WatchVerdict
from .rules_holder import RulesInForce


@dataclass
class Explanation:
    """A detection report plus the router's verdict for every watch."""

    detection: DetectionReport
    watches: list[WatchVerdict]

    def to_dict(self) -> dict[str, Any]:
        return {**self.detection.to_dict(), "watches": [asdict(w) for w in self.watches]}

    def render(self) -> str:
        lines = [self.detection.render(), "", "watches:"]
        if not self.watches:
            lines.append("  (no watches in the rules file)")
        for verdict in self.watches:
            what = f"{verdict.company} {verdict.event_type}" if verdict.company else ""
            status = "FIRES" if verdict.fires else "does not fire"
            target = f" -> {', '.join(verdict.channels)}" if verdict.fires else ""
            lines.append(f"  {verdict.watch}: {status} {what}{target}: {verdict.reason}".rstrip())
        return "\n".join(lines)


def explain_article(rules: RulesInForce, article: Article) -> Explanation:
    """Run the rules in force on ``article`` and say why each event does or does not alert."""
    report = rules.detector.explain(article)
    return Explanation(report, rules.router.explain(report.events))
