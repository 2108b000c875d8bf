// Every event involving the actor named $name (its name or any alias), by date
MATCH (e:Event)-[:REPORTED_IN]->(a:Article)
OPTIONAL MATCH (e)-[:BY]->(src)
OPTIONAL MATCH (e)-[:AGAINST]->(tgt)
WITH e, a, src, tgt
WHERE src.name = $name OR tgt.name = $name OR $name IN src.aliases OR $name IN tgt.aliases
RETURN coalesce(e.date, '') AS date, e.type AS type, src.name AS source, tgt.name AS target, e.charge AS charge, a.id AS article
ORDER BY date, article, type, coalesce(source, ''), coalesce(target, ''), coalesce(charge, '')
