// graph_summary (how many nodes of each label and edges of each type) is built into
// dipgraph.queries.pack: each of its counts must be a statement of its own to be fast.

// name: releases
// description: The releases in the graph, newest first, with their events and the dates
//   those cover; complete = false marks a release whose load did not finish.
// params: from (date, optional), to (date, optional), limit (int, default 100)
MATCH (r:Release)
WHERE ($from IS NULL OR r.published >= $from)
  AND ($to IS NULL OR r.published <= $to)
WITH r
ORDER BY r.published DESC, r.id
LIMIT $limit
OPTIONAL MATCH (r)-[:REPORTS]->(e:Event)
RETURN r.id AS release, r.title AS title, r.published AS published, r.source_uri AS source,
       r.complete AS complete, count(e) AS events, min(e.date) AS first, max(e.date) AS last
ORDER BY published DESC, release
