// What the actor named $name (name or alias) has been accused of, by whom and when
MATCH (e:Event)-[:AGAINST]->(tgt), (e)-[:BY]->(src), (e)-[:REPORTED_IN]->(a:Article)
WHERE e.type = 'ACCUSE' AND (tgt.name = $name OR $name IN tgt.aliases)
RETURN coalesce(e.date, '') AS date, src.name AS accuser, tgt.name AS accused, e.charge AS charge, a.id AS article
ORDER BY date, article, accuser, coalesce(charge, '')
