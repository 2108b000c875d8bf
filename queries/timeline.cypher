// All dated events between $from and $to (YYYY-MM-DD, inclusive), in date order
MATCH (e:Event)-[:REPORTED_IN]->(a:Article)
WHERE e.date IS NOT NULL AND e.date >= $from AND substring(e.date, 0, 10) <= $to
OPTIONAL MATCH (e)-[:BY]->(src)
OPTIONAL MATCH (e)-[:AGAINST]->(tgt)
RETURN e.date AS date, e.type AS type, src.name AS source, tgt.name AS target, e.charge AS charge, a.id AS article
ORDER BY date, article, type, coalesce(source, ''), coalesce(target, ''), coalesce(charge, '')
