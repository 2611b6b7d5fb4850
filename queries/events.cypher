// name: hosted_events
// description: Events hosted by an organization, official or state, or held in a venue
//   (each filter matches an id, a code or part of a name, any case), in date order.
// params: host (text, optional), venue (text, optional), from (date, optional),
//   to (date, optional)
MATCH (h)-[r:HOSTED]->(v:Venue)
WHERE ($host IS NULL OR h.id = $host OR h.code = $host
       OR toLower(coalesce(h.name, h.name_en, '')) CONTAINS toLower($host))
  AND ($venue IS NULL OR v.id = $venue OR toLower(v.name) CONTAINS toLower($venue))
  AND ($from IS NULL OR r.date >= $from)
  AND ($to IS NULL OR r.date <= $to)
MATCH (e:Event {id: r.event_id})
RETURN r.date AS date, coalesce(h.name, h.name_en, h.code) AS host,
       coalesce(h.kind, toLower(labels(h)[0])) AS host_kind, v.name AS venue,
       v.state AS venue_state, e.parties AS parties, r.sentence AS evidence,
       r.event_id AS event
ORDER BY date, host, event
