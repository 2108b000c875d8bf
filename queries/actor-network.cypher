// Actors and who acted on whom: one row per source, event type and target, with the number of events
MATCH (e:Event)-[:BY]->(src), (e)-[:AGAINST]->(tgt)
RETURN src.name AS source, e.type AS type, tgt.name AS target, count(e) AS events
ORDER BY events DESC, source, type, target
