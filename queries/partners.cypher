// A party's partners: the other parties of the events it took part in.

// name: partners
// description: A state's (or IGO's) partners ranked by number of contacts, with counts by
//   type and the first and last contact.
// params: state (state code), from (date, optional), to (date, optional),
//   limit (int, default 20)
OPTIONAL MATCH (s:State {code: $state})
OPTIONAL MATCH (o:Organization {code: $state})
WITH coalesce(s, o) AS me
MATCH (me)<-[:INVOLVES]-(e:Event)-[:INVOLVES]->(p)
WHERE $state IN e.parties AND p.code IN e.parties AND p <> me
  AND ($from IS NULL OR e.date >= $from)
  AND ($to IS NULL OR e.date <= $to)
WITH p, count(e) AS contacts,
     toInteger(sum(CASE WHEN e.type = 'MET' THEN 1 ELSE 0 END)) AS met,
     toInteger(sum(CASE WHEN e.type = 'ACCREDITED' THEN 1 ELSE 0 END)) AS accredited,
     toInteger(sum(CASE WHEN e.type = 'CONSULTED' THEN 1 ELSE 0 END)) AS consulted,
     toInteger(sum(CASE WHEN e.type = 'HOSTED' THEN 1 ELSE 0 END)) AS hosted,
     min(e.date) AS first, max(e.date) AS last
RETURN p.code AS partner, coalesce(p.name_en, p.name) AS name, contacts, met, accredited,
       consulted, hosted, first, last
ORDER BY contacts DESC, partner
LIMIT $limit

// name: contacts_per_year
// description: A state's (or IGO's) contacts per year, by type (events without a date are
//   left out).
// params: state (state code)
OPTIONAL MATCH (s:State {code: $state})
OPTIONAL MATCH (o:Organization {code: $state})
WITH coalesce(s, o) AS me
MATCH (me)<-[:INVOLVES]-(e:Event)
WHERE $state IN e.parties AND e.date IS NOT NULL
WITH substring(e.date, 0, 4) AS year, e
RETURN year, count(e) AS contacts,
       toInteger(sum(CASE WHEN e.type = 'MET' THEN 1 ELSE 0 END)) AS met,
       toInteger(sum(CASE WHEN e.type = 'ACCREDITED' THEN 1 ELSE 0 END)) AS accredited,
       toInteger(sum(CASE WHEN e.type = 'CONSULTED' THEN 1 ELSE 0 END)) AS consulted,
       toInteger(sum(CASE WHEN e.type = 'HOSTED' THEN 1 ELSE 0 END)) AS hosted
ORDER BY year

// name: new_partners
// description: Partners a state (or IGO) first had contact with on or after a date, with
//   that first contact and its evidence.
// params: state (state code), since (date)
OPTIONAL MATCH (s:State {code: $state})
OPTIONAL MATCH (o:Organization {code: $state})
WITH coalesce(s, o) AS me
MATCH (me)<-[:INVOLVES]-(e:Event)-[:INVOLVES]->(p)
WHERE $state IN e.parties AND p.code IN e.parties AND p <> me AND e.date IS NOT NULL
WITH p, e
ORDER BY e.date, e.id
WITH p, collect(e) AS events
WHERE events[0].date >= $since
WITH p, events, events[0] AS firstContact
RETURN p.code AS partner, coalesce(p.name_en, p.name) AS name, firstContact.date AS first,
       firstContact.type AS first_type, size(events) AS contacts,
       firstContact.sentence AS evidence
ORDER BY first, partner

// name: igo_contacts
// description: A state's contacts with intergovernmental organizations (UN, EU, ...), in
//   date order, with evidence.
// params: state (state code), from (date, optional), to (date, optional)
// per IGO, the events whose parties hold both codes: FalkorDB intersects the two in the
// Event.parties index (the WITH makes the IGO's code a value the index can look up)
MATCH (o:Organization {kind: 'igo'})
WITH o.code AS igo, o.name AS name
WHERE igo <> $state
MATCH (e:Event)
WHERE igo IN e.parties AND $state IN e.parties
  AND ($from IS NULL OR e.date >= $from)
  AND ($to IS NULL OR e.date <= $to)
RETURN igo, name, e.date AS date, e.type AS type, e.format AS format,
       e.sentence AS evidence, e.id AS event
ORDER BY date, igo, event
