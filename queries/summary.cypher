// name: graph_summary
// description: How many nodes of each label and edges of each type the graph holds.
// params:
// Fast at any size: an event's edges are counted once, when its release is written (the
// Release's *_edges properties); only the few structural edges are read here.
CALL {
  MATCH (n)
  RETURN 'node' AS kind, labels(n)[0] AS name, count(n) AS count
  UNION ALL
  MATCH (r:Release)
  WITH [['MET', sum(r.met_edges)], ['ACCREDITED', sum(r.accredited_edges)],
        ['CONSULTED', sum(r.consulted_edges)], ['HOSTED', sum(r.hosted_edges)],
        ['INVOLVES', sum(r.involves_edges)], ['AT', sum(r.at_edges)],
        ['REPORTS', sum(r.reports_edges)]] AS counted
  UNWIND counted AS pair
  RETURN 'edge' AS kind, pair[0] AS name, pair[1] AS count
  UNION ALL
  MATCH (:Official)-[r:REPRESENTS|MEMBER_OF|POSTED_IN]->()
  RETURN 'edge' AS kind, type(r) AS name, count(r) AS count
  UNION ALL
  MATCH (:Organization)-[r:PART_OF]->()
  RETURN 'edge' AS kind, 'PART_OF' AS name, count(r) AS count
  UNION ALL
  MATCH (:Venue)-[r:IN]->()
  RETURN 'edge' AS kind, 'IN' AS name, count(r) AS count
}
WITH kind, name, count
WHERE count > 0
RETURN kind, name, count
ORDER BY kind DESC, name

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
