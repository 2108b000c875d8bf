// The most active actors: events they took part in (as source or target) and articles that mention them
MATCH (a:Article)-[m:MENTIONS]->(x)
WITH x, count(a) AS articles
OPTIONAL MATCH (e:Event)-[:BY|AGAINST]->(x)
RETURN x.name AS actor, x.subtype AS subtype, articles, count(DISTINCT e) AS events
ORDER BY events DESC, articles DESC, actor
LIMIT 25
