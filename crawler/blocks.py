"""What a block does to a portal's crawl: a cool-down, the blocked URL tried again last, a pause only after
K blocks in a row. Pure bookkeeping (a clock, no Scrapy): :class:`crawler.middlewares.BlockDetectionMiddleware`
applies its verdicts, and tests drive it with a fake clock.

A block answers one request; it does not condemn the portal:

- **Episodes.** A block on a request sent after the current cool-down began starts a new episode: the
  portal cools down for ``cooldown × factorⁿ⁻¹`` seconds (n: episodes since the portal last answered, or the
  blocks this URL met, whichever is more; capped at ``cooldown_max``; by default 30 s, 2 min, 8 min, 10 min),
  and no request of the portal is sent meanwhile. Blocks on requests that were already on their way belong
  to the episode that is running.
- **Tried again last.** A blocked URL goes back to the end of the portal's queue; the portal goes on with
  its next URLs (``retry``).
- **Blocked for good.** A URL blocked on each of its ``tries`` tries is recorded ``blocked`` with the
  evidence of every try (``give_up``); the crawl of the portal goes on.
- **Paused.** Only after ``pause_after`` (K) episodes in a row, each opened by a URL not blocked before
  (so that one bad URL tried again cannot pause its portal), with no answer between them, is the portal
  paused for the run (``pause``): every URL not yet visited is recorded ``paused``, and the next run visits
  those first.

Any answer that is not a block ends the streak and brings the cool-down back to its first step.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

Verdict = Literal["retry", "give_up", "pause"]


@dataclass(frozen=True)
class BlockSettings:
    cooldown: float = 30.0  # NIANBAO_BLOCK_COOLDOWN: seconds of the first cool-down
    factor: float = 4.0  # NIANBAO_BLOCK_COOLDOWN_FACTOR: each next episode in a row cools this much longer
    cooldown_max: float = 600.0  # NIANBAO_BLOCK_COOLDOWN_MAX
    pause_after: int = 3  # NIANBAO_BLOCK_PAUSE_AFTER: K episodes in a row pause the portal for the run
    tries: int = 3  # NIANBAO_BLOCK_TRIES: a URL blocked this many times is recorded `blocked` for good

    def __post_init__(self) -> None:
        if self.cooldown < 0 or self.factor < 1 or self.cooldown_max < 0:
            raise ValueError("block cool-down: cooldown ≥ 0, factor ≥ 1, cooldown_max ≥ 0")
        if self.pause_after < 1 or self.tries < 1:
            raise ValueError("block pause_after and tries must be at least 1")

    def cooldown_for(self, episode: int) -> float:
        """Seconds of the cool-down of the ``episode``-th episode in a row (1-based)."""
        return min(self.cooldown_max, self.cooldown * self.factor ** max(0, episode - 1))

    @classmethod
    def from_settings(cls, get: Callable[[str], object]) -> BlockSettings:
        """From Scrapy-like settings (``get(name)`` → value or None)."""
        names = {
            "cooldown": "NIANBAO_BLOCK_COOLDOWN",
            "factor": "NIANBAO_BLOCK_COOLDOWN_FACTOR",
            "cooldown_max": "NIANBAO_BLOCK_COOLDOWN_MAX",
            "pause_after": "NIANBAO_BLOCK_PAUSE_AFTER",
            "tries": "NIANBAO_BLOCK_TRIES",
        }
        values: dict[str, float | int] = {}
        for attr, name in names.items():
            raw = get(name)
            if raw is None or raw == "":
                continue
            values[attr] = int(str(raw)) if attr in ("pause_after", "tries") else float(str(raw))
        return cls(**values)  # type: ignore[arg-type]


@dataclass
class BlockTracker:
    """One portal's blocks in one run (one tracker per crawler)."""

    settings: BlockSettings = field(default_factory=BlockSettings)
    clock: Callable[[], float] = time.monotonic
    episodes: int = 0  # episodes since the portal last answered (sets the cool-down's length)
    streak: int = 0  # episodes in a row opened by a URL never blocked before
    episode_started: float = -math.inf
    cool_until: float = -math.inf
    paused_by: str | None = None  # the URL whose block paused the portal
    tries: dict[str, int] = field(default_factory=dict)  # URL → blocks met
    evidence: dict[str, list[str]] = field(default_factory=dict)  # URL → what each block showed

    def wait(self) -> float:
        """Seconds to wait before the portal may be asked again (0 when it is not cooling down)."""
        return max(0.0, self.cool_until - self.clock())

    def sent(self) -> float:
        """The time a request leaves for the portal (keep it with the request, for :meth:`blocked`)."""
        return self.clock()

    def answered(self) -> None:
        """The portal answered (anything but a block): the streak ends, the cool-down starts over."""
        self.episodes = 0
        self.streak = 0

    def carry(self, url: str, evidence: list[str]) -> None:
        """Blocks ``url`` met before, in this process or another (a retry carries them along)."""
        if len(evidence) > len(self.evidence.get(url, [])):
            self.evidence[url] = list(evidence)
            self.tries[url] = len(evidence)

    def blocked(self, url: str, sent_at: float, evidence: str) -> Verdict:
        """A block on ``url`` (a request sent at ``sent_at``): what to do with it."""
        tries = self.tries[url] = self.tries.get(url, 0) + 1
        self.evidence.setdefault(url, []).append(evidence)
        now = self.clock()
        if sent_at > self.episode_started:  # not already on its way when the running episode began
            self.episodes += 1
            self.episode_started = now
            self.cool_until = now + self.settings.cooldown_for(max(self.episodes, tries))
            if tries == 1:
                self.streak += 1
        if self.streak >= self.settings.pause_after:
            if self.paused_by is None:
                self.paused_by = url
            return "pause"
        if tries >= self.settings.tries:
            return "give_up"
        return "retry"

    @property
    def paused(self) -> bool:
        return self.paused_by is not None

    def all_evidence(self, url: str) -> str:
        """The evidence of every block ``url`` met, for the ``blocked`` record."""
        seen = self.evidence.get(url, [])
        if len(seen) <= 1:
            return seen[0] if seen else ""
        distinct = list(dict.fromkeys(seen))
        return f"blocked on each of {len(seen)} tries: " + " | ".join(distinct)
