// One actor's neighbourhood: the actors within $depth (1 to 3) event edges of the actor named $name (name or alias), and every event edge among them
MATCH (c)
WHERE c.name = $name OR $name IN c.aliases
MATCH q = (c)-[:ACCUSED|CRITICIZED|DEMANDED_OF|SANCTIONED|THREATENED|REJECTED|AGREED_WITH|RETALIATED_AGAINST*1..3]-(n)
WHERE length(q) <= $depth
WITH collect(DISTINCT c.key) AS centres, collect(DISTINCT n.key) AS near
MATCH p = (x)-[r:ACCUSED|CRITICIZED|DEMANDED_OF|SANCTIONED|THREATENED|REJECTED|AGREED_WITH|RETALIATED_AGAINST]->(y)
WHERE (x.key IN centres OR x.key IN near) AND (y.key IN centres OR y.key IN near)
RETURN p
ORDER BY x.key, y.key, r.event
