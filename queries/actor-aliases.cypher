// Every name an actor has appeared under, with the number of articles that mention it
MATCH (a:Article)-[:MENTIONS]->(x)
RETURN x.name AS actor, x.key AS key, x.aliases AS aliases, count(a) AS articles
ORDER BY articles DESC, actor, key
