// People: who met whom. MET edges join the officials of one event pairwise (or an
// official and the host organization of a delegation meeting).

// name: officials_met
// description: Officials of state A who met officials of state B, with how often, when
//   first and last.
// params: a (state code), b (state code), from (date, optional), to (date, optional)
// from the officials of B (index on Official.state; an official's state is the one it
// REPRESENTS) over their meetings; the other side's state is a property test, not a
// walk from each of A's officials over all their meetings
MATCH (y:Official {state: $b})-[r:MET]-(x:Official)
WHERE x.state = $a
  AND ($from IS NULL OR r.date >= $from)
  AND ($to IS NULL OR r.date <= $to)
RETURN x.id AS id_a, x.name AS official_a, x.title AS title_a, y.id AS id_b,
       y.name AS official_b, y.title AS title_b, count(DISTINCT r.event_id) AS meetings,
       min(r.date) AS first, max(r.date) AS last
ORDER BY meetings DESC, official_a, official_b, id_a, id_b

// name: ego_network
// description: An official's ego network: everyone met directly (hops 1, with meetings and
//   the last date) and the contacts of those (hops 2, via whom).
// params: official (official), limit (int, default 50)
MATCH (o:Official {id: $official})
CALL {
  WITH o
  MATCH (o)-[r:MET]-(n)
  RETURN n, 1 AS hops, count(DISTINCT r.event_id) AS meetings, max(r.date) AS last, [] AS via
  UNION
  // hops 2 only when hops 1 leaves room under the limit (rows sort by hops first): a
  // minister's thousands of contacts have millions of second-hand ones
  WITH o
  MATCH (o)-[:MET]-(m)
  WITH o, collect(DISTINCT m) AS near
  WHERE size(near) < $limit
  UNWIND near AS m
  MATCH (m)-[:MET]-(n)
  WHERE n <> o AND NOT n IN near
  WITH n, m
  ORDER BY m.name
  RETURN n, 2 AS hops, 0 AS meetings, null AS last, collect(DISTINCT m.name) AS via
}
RETURN n.id AS id, coalesce(n.name, n.code) AS name, coalesce(n.state, n.code) AS state,
       coalesce(n.title, n.kind) AS title, hops, meetings, last, via
ORDER BY hops, meetings DESC, name, id
LIMIT $limit

// name: shortest_path
// description: A shortest chain of meetings (MET, up to 6) between two officials, with the
//   date and evidence of each meeting (of several meetings of one pair, the latest). Of
//   equally short chains, the first by official ids among the first 8 the store finds.
// params: a (official), b (official)
// allShortestPaths finds the length by a breadth-first search (a whole component when no
// chain exists: ~40 ms at 100k events), but each further chain it enumerates costs tens of
// ms among hubs (seconds for 50 of them): 8 chains, sorted, make the answer the same on
// both stores wherever there are at most 8 ties; the meetings of each pair are then read
// between the two known officials.
MATCH (x:Official {id: $a})
MATCH (y:Official {id: $b})
WITH x, y
WHERE x <> y
MATCH p = allShortestPaths((x)-[:MET*..6]-(y))
WITH nodes(p) AS chain
LIMIT 8
WITH chain, reduce(route = '', n IN chain | route + n.id + ' ') AS route
ORDER BY route
LIMIT 1
UNWIND range(0, size(chain) - 2) AS i
WITH chain, i, chain[i] AS u, chain[i + 1] AS v
MATCH (u)-[r:MET]-(v)
WITH chain, i, r
ORDER BY i, r.date DESC, r.event_id
WITH chain, i, collect(r)[0] AS r
ORDER BY i
WITH chain, collect(r) AS meetings
RETURN size(meetings) AS hops, [n IN chain | coalesce(n.name, n.code)] AS path,
       [n IN chain | n.id] AS ids, [r IN meetings | r.date] AS dates,
       [r IN meetings | r.sentence] AS evidence

// name: most_active_officials
// description: Officials ranked by the events they took part in (optionally of one state
//   and in a date range), with counts by type.
// params: state (state code, optional), from (date, optional), to (date, optional),
//   limit (int, default 20)
MATCH (o:Official)
WHERE $state IS NULL OR o.state = $state
// from the officials (FalkorDB would otherwise scan every event), ranked by a plain count;
// the counts by type only for the top ones
WITH o
MATCH (o)<-[:INVOLVES]-(e:Event)
WHERE ($from IS NULL OR e.date >= $from)
  AND ($to IS NULL OR e.date <= $to)
WITH o, count(e) AS events
ORDER BY events DESC, o.name, o.id
LIMIT $limit
MATCH (o)<-[:INVOLVES]-(e:Event)
WHERE ($from IS NULL OR e.date >= $from)
  AND ($to IS NULL OR e.date <= $to)
WITH o, events,
     toInteger(sum(CASE WHEN e.type = 'MET' THEN 1 ELSE 0 END)) AS met,
     toInteger(sum(CASE WHEN e.type = 'ACCREDITED' THEN 1 ELSE 0 END)) AS accredited,
     toInteger(sum(CASE WHEN e.type = 'CONSULTED' THEN 1 ELSE 0 END)) AS consulted,
     toInteger(sum(CASE WHEN e.type = 'HOSTED' THEN 1 ELSE 0 END)) AS hosted,
     min(e.date) AS first, max(e.date) AS last
RETURN o.id AS id, o.name AS name, o.state AS state, o.title AS title, events, met,
       accredited, consulted, hosted, first, last
ORDER BY events DESC, name, id
LIMIT $limit
