"""The graph model: typed nodes and edges with deterministic ids, and the GraphBatch
that loaders produce and stores consume.

Every node is merged on one key property (``State.code``, everything else ``id``). Ids are
derived from content, so the same official, venue or event always gets the same id and
loading a release twice changes nothing.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, ClassVar

CONTACT_TYPES = ("MET", "ACCREDITED", "CONSULTED", "HOSTED")
STRUCTURAL_TYPES = (
    "REPRESENTS",
    "MEMBER_OF",
    "POSTED_IN",
    "PART_OF",
    "IN",
    "INVOLVES",
    "AT",
    "REPORTS",
)
EDGE_TYPES = CONTACT_TYPES + STRUCTURAL_TYPES
NODE_LABELS = ("State", "Organization", "Official", "Venue", "Event", "Release")
ORGANIZATION_KINDS = (
    "ministry",
    "embassy",
    "consulate",
    "igo",
    "government",
    "university",
    "council",
    "media",
    "other",
)
DATE_PRECISIONS = ("day", "month", "year", "unknown")

#: Intergovernmental organizations are parties like states, keyed by a fixed code.
IGO_CODES: dict[str, str] = {
    "UN": "United Nations",
    "EU": "European Union",
    "CIS": "Commonwealth of Independent States",
    "CSTO": "Collective Security Treaty Organization",
    "SCO": "Shanghai Cooperation Organisation",
    "EAEU": "Eurasian Economic Union",
    "OSCE": "Organization for Security and Co-operation in Europe",
    "NATO": "North Atlantic Treaty Organization",
    "OIC": "Organisation of Islamic Cooperation",
    "CICA": "Conference on Interaction and Confidence-Building Measures in Asia",
    "ASEAN": "Association of Southeast Asian Nations",
    "AU": "African Union",
    "OTS": "Organization of Turkic States",
    "BRICS": "BRICS",
    "G20": "Group of Twenty",
    "WTO": "World Trade Organization",
    "IAEA": "International Atomic Energy Agency",
    "IMF": "International Monetary Fund",
    "WB": "World Bank",
    "CoE": "Council of Europe",
    "CAREC": "Central Asia Regional Economic Cooperation",
    "NDB": "New Development Bank",
    "ILO": "International Labour Organization",
    "G77": "Group of 77",
    "WFP": "World Food Programme",
    "LAS": "League of Arab States",
    "GCC": "Gulf Cooperation Council",
    "ADB": "Asian Development Bank",
    "EBRD": "European Bank for Reconstruction and Development",
    "UNESCO": "UNESCO",
    "WHO": "World Health Organization",
    "OPEC": "OPEC",
}


def is_igo(code: str | None) -> bool:
    return bool(code) and code in IGO_CODES


#: Which property each label is merged on.
NODE_KEYS: dict[str, str] = {label: "id" for label in NODE_LABELS} | {"State": "code"}


def normalize_text(text: str) -> str:
    """NFC, unified line ends, trimmed lines: the form a release id is hashed from."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def normalize_name(name: str) -> str:
    """Case-, ё- and whitespace-insensitive form of a name, used inside ids."""
    name = unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).lower())
    # punctuation out first (what it separated may compose: NFC again), then the spaces
    # it leaves collapse: the result is a fixed point
    name = unicodedata.normalize("NFC", re.sub(r"[^\w\s.-]", "", name)).replace("ё", "е")
    return re.sub(r"\s+", " ", name).strip()


def stable_hash(*parts: object, length: int = 16) -> str:
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def release_id(text: str) -> str:
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


# Spelling variants of one name across scripts and romanizations (ICAO Doc 9303, BGN/PCGN,
# press spellings): digraphs to one letter, y/i and iotated vowels to their vowel.
_SKELETON_FOLDS = (
    ("x", "ks"), ("q", "k"), ("w", "v"), ("shch", "sh"), ("sch", "sh"), ("tch", "ch"),
    ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("ts", "c"), ("tz", "c"),
    ("ch", "c"), ("sh", "s"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("y", "i"),
    ("ii", "i"), ("io", "e"), ("ie", "e"), ("ia", "a"), ("iu", "u"), ("ei", "e"),
    ("ou", "u"), ("oo", "u"),
)  # fmt: skip


def _name_key_once(name: str) -> str:
    """One pass of :func:`name_key`."""
    from anyascii import anyascii

    text = unicodedata.normalize("NFC", name).lower()
    # a Latin c is k or s (Carlos = Карлос, Cecilia = Сесилия); Cyrillic never gives a
    # bare c, and ç/č stay for the ch fold below (Çavuşoğlu = Чавушоглу)
    text = re.sub(
        r"c(?!h)", lambda m: "s" if text[m.end() : m.end() + 1] in ("e", "i", "y") else "k", text
    )
    text = anyascii(text).lower().replace("'", "")  # the soft sign is no word break
    words = []
    for word in re.findall(r"[a-z]+", text):
        for a, b in _SKELETON_FOLDS:
            word = word.replace(a, b)
        words.append(re.sub(r"(.)\1+", r"\1", word))
    return " ".join(sorted(words))


def name_key(name: str) -> str:
    """A script-independent key of a person's name: "Roman Vassilenko", "Роман Василенко"
    and "Vasilenko Roman" give one key, and so do "Carlos Mendes" and "Карлос Мендес".
    Any script is romanized (anyascii), then the spelling variants of romanizations are
    folded away, double letters made single and the words sorted."""
    # a pass can leave what a further pass folds (a "c" from "ts" reads as a Latin c):
    # repeat to the fixed point, so a key is its own key
    key = _name_key_once(name)
    for _ in range(5):
        again = _name_key_once(key)
        if again == key:
            break
        key = again
    return key


def official_id(state: str | None, name: str) -> str:
    """``official:<state>:<hash>`` of the state and the name's :func:`name_key`: the same
    person written in Cyrillic or Latin, in any romanization, is one node."""
    return f"official:{(state or 'xx').lower()}:{stable_hash(name_key(name))}"


def organization_id(name: str, state: str | None = None, code: str | None = None) -> str:
    if code:  # IGOs are keyed by their fixed code
        return f"org:{code.lower()}"
    return f"org:{(state or 'xx').lower()}:{stable_hash(normalize_name(name))}"


def venue_id(name: str, state: str | None) -> str:
    return f"venue:{(state or 'xx').lower()}:{stable_hash(normalize_name(name))}"


def event_id(
    release: str,
    type_: str,
    actors: list[str],
    span: tuple[int, int],
    *,
    date: str | None = None,
    date_precision: str = "unknown",
    parties: list[str] | None = None,
    occurrence: int = 0,
) -> str:
    """An event known to the day between two or more parties is keyed by what it is
    (type, date, parties; ``occurrence`` counts same-keyed events inside one release), so
    the same contact reported by two releases, in any language, is one Event. Anything
    vaguer is keyed by its release, actors and evidence span."""
    if date and date_precision == "day" and parties and len(set(parties)) >= 2:
        key = ",".join(sorted(set(parties)))
        return f"event:{stable_hash('contact', type_, date, key, occurrence)}"
    return f"event:{stable_hash(release, type_, ','.join(sorted(actors)), span[0], span[1])}"


@dataclass(frozen=True)
class Evidence:
    """The sentence that proves an edge, with character offsets into the release text."""

    sentence: str
    start: int
    end: int


class Node:
    """Mixin for node dataclasses: label and merge key."""

    label: ClassVar[str]

    @property
    def key(self) -> str:
        return getattr(self, NODE_KEYS[self.label])

    def properties(self) -> dict[str, Any]:
        # shallow on purpose: asdict() deep-copies and dominates bulk-write time
        return {
            name: value
            for name in self.__dataclass_fields__  # type: ignore[attr-defined]
            if (value := getattr(self, name)) is not None
        }


@dataclass
class Release(Node):
    label: ClassVar[str] = "Release"
    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date, as precise as date_precision says
    date_precision: str = "unknown"
    dateline_city: str | None = None
    agency: str | None = None
    language: str = "ru"
    source_uri: str | None = None
    #: the state (ISO code) or IGO whose ministry published it: the implicit own side
    publisher: str | None = None
    #: the id the source gave it (a JSON record's ``id``), for gold files keyed by it
    record_id: str | None = None

    @classmethod
    def from_text(cls, text: str, **metadata: Any) -> Release:
        return cls(id=release_id(text), text=normalize_text(text), **metadata)


@dataclass
class State(Node):
    label: ClassVar[str] = "State"
    code: str
    name_ru: str | None = None
    name_en: str | None = None


@dataclass
class Organization(Node):
    label: ClassVar[str] = "Organization"
    id: str
    name: str
    kind: str = "other"
    state: str | None = None
    code: str | None = None  # IGOs only: UN, EU, ...
    name_ru: str | None = None  # IGOs only: the name in each language
    name_en: str | None = None


@dataclass
class Official(Node):
    label: ClassVar[str] = "Official"
    id: str
    name: str
    latin: str | None = None
    aliases: list[str] = field(default_factory=list)
    title: str | None = None
    state: str | None = None


@dataclass
class Venue(Node):
    label: ClassVar[str] = "Venue"
    id: str
    name: str
    state: str | None = None
    city: str | None = None


@dataclass
class Event(Node):
    label: ClassVar[str] = "Event"
    id: str
    type: str
    release_id: str
    format: str | None = None
    date: str | None = None
    date_precision: str = "unknown"
    summary: str | None = None
    confidence: float = 1.0
    extractor_version: str | None = None
    parties: list[str] = field(default_factory=list)
    sentence: str | None = None
    start: int | None = None
    end: int | None = None


NAME_LANGUAGES = ("en", "ru")
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def localized_name(label: str, props: dict[str, Any], lang: str) -> str | None:
    """A node's name in ``lang`` (en | ru): a State's or IGO's name in that language; an
    official's spelling in that language's script among its name, aliases and Latin
    transliteration; None for nodes without a name."""
    if label == "State" or (label == "Organization" and props.get("code")):
        other = "ru" if lang == "en" else "en"
        return props.get(f"name_{lang}") or props.get("name") or props.get(f"name_{other}")
    if label == "Official":
        spellings = [props.get("name"), *(props.get("aliases") or []), props.get("latin")]
        spellings = [s for s in spellings if isinstance(s, str) and s]
        want_cyrillic = lang == "ru"
        fits = [s for s in spellings if bool(_CYRILLIC.search(s)) == want_cyrillic]
        return (fits or spellings or [None])[0]
    return props.get("name")


@dataclass(frozen=True)
class NodeRef:
    """Points at a node by label and merge key."""

    label: str
    key: str

    @classmethod
    def of(cls, node: Node) -> NodeRef:
        return cls(node.label, node.key)


@dataclass
class Edge:
    """A typed, directed edge. Contact edges and event-bound edges carry ``event_id``;
    an edge is merged on (type, source, target, event_id)."""

    type: str
    source: NodeRef
    target: NodeRef
    properties: dict[str, Any] = field(default_factory=dict)

    @property
    def event_id(self) -> str | None:
        return self.properties.get("event_id")

    @property
    def identity(self) -> tuple:
        return (self.type, self.source, self.target, self.event_id)


@dataclass
class GraphBatch:
    """Nodes and edges of one release (or of a bulk import), deduplicated on merge keys."""

    release_id: str | None = None
    nodes: dict[tuple[str, str], Node] = field(default_factory=dict)
    edges: dict[tuple, Edge] = field(default_factory=dict)

    def add_node(self, node: Node) -> NodeRef:
        ref = NodeRef.of(node)
        existing = self.nodes.get((ref.label, ref.key))
        if existing is None:
            self.nodes[(ref.label, ref.key)] = node
        elif isinstance(existing, Official) and isinstance(node, Official):
            for alias in [node.name, *node.aliases]:
                if alias != existing.name and alias not in existing.aliases:
                    existing.aliases.append(alias)
            existing.title = existing.title or node.title
        return ref

    def add_edge(self, type_: str, source: NodeRef, target: NodeRef, **properties: Any) -> Edge:
        if type_ not in EDGE_TYPES:
            raise ValueError(f"unknown edge type {type_!r}; expected one of {EDGE_TYPES}")
        edge = Edge(type_, source, target, {k: v for k, v in properties.items() if v is not None})
        self.edges.setdefault(edge.identity, edge)
        return edge

    def nodes_by_label(self) -> dict[str, list[Node]]:
        grouped: dict[str, list[Node]] = {}
        for node in self.nodes.values():
            grouped.setdefault(node.label, []).append(node)
        return grouped

    def edges_by_shape(self) -> dict[tuple[str, str, str], list[Edge]]:
        """Edges grouped by (type, source label, target label): one UNWIND statement each."""
        grouped: dict[tuple[str, str, str], list[Edge]] = {}
        for edge in self.edges.values():
            grouped.setdefault((edge.type, edge.source.label, edge.target.label), []).append(edge)
        return grouped

    def merge(self, other: GraphBatch) -> GraphBatch:
        for node in other.nodes.values():
            self.add_node(node)
        for edge in other.edges.values():
            self.edges.setdefault(edge.identity, edge)
        return self

    @property
    def counts(self) -> tuple[int, int]:
        return len(self.nodes), len(self.edges)
