// name: graph_summary
// description: How many nodes of each label and edges of each type the graph holds.
// params:
// Fast at any size: a release counts its own events and their edges when it is written
// (Release.event_nodes, *_edges); read here are only the shared nodes and the structural
// edges, which all point at a party (a State or an Organization).
CALL {
  MATCH (n:State)
  RETURN 'node' AS kind, 'State' AS name, count(n) AS count
  UNION ALL
  MATCH (n:Organization)
  RETURN 'node' AS kind, 'Organization' AS name, count(n) AS count
  UNION ALL
  MATCH (n:Official)
  RETURN 'node' AS kind, 'Official' AS name, count(n) AS count
  UNION ALL
  MATCH (n:Venue)
  RETURN 'node' AS kind, 'Venue' AS name, count(n) AS count
  UNION ALL
  MATCH (r:Release)
  WITH [['node', 'Release', count(r)], ['node', 'Event', sum(r.event_nodes)],
        ['edge', 'MET', sum(r.met_edges)], ['edge', 'ACCREDITED', sum(r.accredited_edges)],
        ['edge', 'CONSULTED', sum(r.consulted_edges)], ['edge', 'HOSTED', sum(r.hosted_edges)],
        ['edge', 'INVOLVES', sum(r.involves_edges)], ['edge', 'AT', sum(r.at_edges)],
        ['edge', 'REPORTS', sum(r.reports_edges)]] AS counted
  UNWIND counted AS row
  RETURN row[0] AS kind, row[1] AS name, row[2] AS count
  UNION ALL
  MATCH (:State)<-[r:REPRESENTS|MEMBER_OF|POSTED_IN|PART_OF|IN]-()
  RETURN 'edge' AS kind, type(r) AS name, count(r) AS count
  UNION ALL
  MATCH (:Organization)<-[r:REPRESENTS|MEMBER_OF|POSTED_IN|PART_OF|IN]-()
  RETURN 'edge' AS kind, type(r) AS name, count(r) AS count
}
WITH kind, name, toInteger(sum(count)) AS count
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
