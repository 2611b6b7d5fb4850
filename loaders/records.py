"""The extraction output contract of DESIGN.md as typed dataclasses.

``dipgraph extract --format jsonl`` prints ``to_json()`` of these, one a line; the
mapping turns them into a GraphBatch. Nothing here knows about NLP.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from dipgraph.graph.model import Evidence


@dataclass
class Participant:
    id: str
    name: str  # nominative
    state: str | None = None
    role: str | None = None
    posted_in: str | None = None
    organization: str | None = None


@dataclass
class Host:
    name: str
    kind: str = "other"  # one of graph.model.ORGANIZATION_KINDS, or "state"/"official"
    state: str | None = None


@dataclass
class Place:
    name: str
    state: str | None = None


@dataclass
class EventRecord:
    release: str
    source: str | None
    event_id: str
    type: str  # MET | ACCREDITED | CONSULTED | HOSTED
    evidence: Evidence
    format: str | None = None
    date: str | None = None
    date_precision: str = "unknown"
    parties: list[str] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    host: Host | None = None
    venue: Place | None = None
    confidence: float = 0.0
    summary: str | None = None
    kind: str | None = None  # ACCREDITED only: credentials | copies

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for p in data["participants"]:
            if p.get("organization") is None:
                p.pop("organization", None)
        for key in ("summary", "kind"):
            if data[key] is None:
                data.pop(key)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EventRecord:
        data = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        data["evidence"] = Evidence(**data["evidence"])
        data["participants"] = [Participant(**p) for p in data.get("participants") or []]
        data["host"] = Host(**data["host"]) if data.get("host") else None
        data["venue"] = Place(**data["venue"]) if data.get("venue") else None
        return cls(**data)


@dataclass
class OfficialRecord:
    release: str
    source: str | None
    id: str
    name: str
    evidence: Evidence
    state: str | None = None
    role: str | None = None
    organization: str | None = None
    posted_in: str | None = None
    aliases: list[str] = field(default_factory=list)
    record: str = "official"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OfficialRecord:
        data = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        data["evidence"] = Evidence(**data["evidence"])
        return cls(**data)


@dataclass
class Extraction:
    """Everything extracted from one release."""

    release: Any  # graph.model.Release
    events: list[EventRecord] = field(default_factory=list)
    officials: list[OfficialRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: set when extraction itself failed: nothing of this release may be written
    error: str | None = None
    extractor_version: str | None = None

    def records(self) -> list[dict[str, Any]]:
        return [e.to_json() for e in self.events] + [o.to_json() for o in self.officials]
