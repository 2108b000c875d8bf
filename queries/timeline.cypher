// All dated events between $from and $to (YYYY-MM-DD, inclusive; a month or year overlapping the range counts), in date order
MATCH (e:Event)-[:REPORTED_IN]->(a:Article)
WHERE e.date IS NOT NULL
  AND (e.date >= $from OR $from STARTS WITH e.date)
  AND (e.date <= $to OR e.date STARTS WITH $to)
OPTIONAL MATCH (e)-[:BY]->(src)
OPTIONAL MATCH (e)-[:AGAINST]->(tgt)
RETURN e.date AS date, e.type AS type, src.name AS source, tgt.name AS target, e.charge AS charge, a.id AS article
ORDER BY date, article, type, coalesce(source, ''), coalesce(target, ''), coalesce(charge, '')
