// Contacts between two parties. A party is a State (ISO 3166 alpha-2 code) or an
// intergovernmental organization (IGO code: EU, UN, ...); an event counts as a contact of
// both when both are among its parties (Event.parties, INVOLVES {role: 'party'}). The
// patterns test Event.parties rather than the edge's role: filtering on a relationship
// property made these queries 6x slower on FalkorDB (120 vs 19 ms p50, 100k events).
// They start from the index on Event.parties (graph/statements.py): FalkorDB answers
// `$a IN e.parties AND $b IN e.parties` from its range index, intersecting both codes, so
// a busy party (KZ: 85k events of 100k) costs no more than a rare one; walking the
// party's INVOLVES edges instead read every event of KZ.

// name: bilateral_counts
// description: How many contacts two parties had, by type, with the first and last date.
// params: a (state code), b (state code), from (date, optional), to (date, optional)
MATCH (e:Event)
WHERE $a IN e.parties AND $b IN e.parties AND $a <> $b
  AND ($from IS NULL OR e.date >= $from)
  AND ($to IS NULL OR e.date <= $to)
RETURN e.type AS type, count(e) AS contacts, min(e.date) AS first, max(e.date) AS last
ORDER BY type

// name: bilateral_contacts
// description: The contacts of two parties by type and date, each with the sentence that
//   reports it (its evidence) and the release it comes from.
// params: a (state code), b (state code), from (date, optional), to (date, optional)
MATCH (e:Event)
WHERE $a IN e.parties AND $b IN e.parties AND $a <> $b
  AND ($from IS NULL OR e.date >= $from)
  AND ($to IS NULL OR e.date <= $to)
RETURN e.type AS type, e.format AS format, e.date AS date, e.sentence AS evidence,
       e.release_id AS release, e.id AS event
ORDER BY type, date, event

// name: bilateral_timeline
// description: The contacts of two parties in date order, with who took part, the host,
//   the venue and the evidence (sentence and its character offsets in the release).
// params: a (state code), b (state code), from (date, optional), to (date, optional)
MATCH (e:Event)
WHERE $a IN e.parties AND $b IN e.parties AND $a <> $b
  AND ($from IS NULL OR e.date >= $from)
  AND ($to IS NULL OR e.date <= $to)
OPTIONAL MATCH (e)-[i:INVOLVES]->(x)
WITH e, i, x
ORDER BY x.name
// one walk over the event's actors: its officials (by name) and its host (the mapping
// writes at most one); collect() leaves out the nulls of the other actors
WITH e, collect(CASE WHEN x:Official THEN x.name END) AS participants,
     collect(CASE WHEN i.role = 'host' THEN coalesce(x.name, x.name_en, x.code) END) AS hosts
OPTIONAL MATCH (e)-[:AT]->(v:Venue)
RETURN e.date AS date, e.type AS type, e.format AS format, e.parties AS parties,
       participants, hosts[0] AS host, v.name AS venue,
       e.sentence AS evidence, e.release_id AS release, e.start AS start, e.end AS end,
       e.id AS event
ORDER BY date, type, event

// name: contact_provenance
// description: Where a contact comes from: the release (title, date, source), the sentence
//   with its character offsets, and every contact edge the event put in the graph.
// params: event (event id)
MATCH (e:Event {id: $event})
MATCH (rel:Release)-[:REPORTS]->(e)
OPTIONAL MATCH (e)-[:INVOLVES]->(x)-[r]->(y)
WHERE r.event_id = $event AND type(r) IN ['MET', 'ACCREDITED', 'CONSULTED', 'HOSTED']
RETURN DISTINCT rel.id AS release, rel.title AS title, rel.published AS published,
       rel.source_uri AS source, e.type AS type, e.date AS date, e.sentence AS evidence,
       e.start AS start, e.end AS end, type(r) AS edge,
       coalesce(x.name, x.name_en, x.code) AS from_node,
       coalesce(y.name, y.name_en, y.code) AS to_node
ORDER BY edge, from_node, to_node
