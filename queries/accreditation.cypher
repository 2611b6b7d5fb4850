// name: accreditation_register
// description: Who presented credentials (or copies of them) to whom and when: ambassador,
//   sending state, host state, received by, kind, evidence.
// params: host (state code, optional), sender (state code, optional), from (date, optional),
//   to (date, optional)
MATCH (amb:Official)-[r:ACCREDITED]->(h:State)
WHERE ($host IS NULL OR h.code = $host)
  AND ($sender IS NULL OR amb.state = $sender)
  AND ($from IS NULL OR r.date >= $from)
  AND ($to IS NULL OR r.date <= $to)
RETURN r.date AS date, amb.name AS ambassador, amb.state AS sender, h.code AS host,
       r.received_by AS received_by, r.kind AS kind, r.sentence AS evidence,
       r.release_id AS release
ORDER BY date, host, ambassador
