// How many events of each type, and in how many articles
MATCH (e:Event)-[:REPORTED_IN]->(a:Article)
RETURN e.type AS type, count(DISTINCT e) AS events, count(DISTINCT a) AS articles
ORDER BY events DESC, type
