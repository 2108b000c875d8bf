// Who accused whom, of what, on which date, in which article
MATCH (e:Event)-[:BY]->(src), (e)-[:AGAINST]->(tgt), (e)-[:REPORTED_IN]->(a:Article)
WHERE e.type = 'ACCUSE'
RETURN src.name AS accuser, tgt.name AS accused, e.charge AS charge, e.date AS date, a.id AS article
ORDER BY coalesce(e.date, ''), article, accuser, accused, coalesce(e.charge, '')
