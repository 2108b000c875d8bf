// The shortest chain of events (in either direction) linking the actors named $a and $b (names or aliases)
MATCH (x) WHERE x.key IS NOT NULL AND (x.name = $a OR $a IN x.aliases)
MATCH (y) WHERE y.key IS NOT NULL AND (y.name = $b OR $b IN y.aliases) AND y <> x
MATCH p = shortestPath((x)-[:ACCUSED|CRITICIZED|DEMANDED_OF|SANCTIONED|THREATENED|REJECTED|AGREED_WITH|RETALIATED_AGAINST*..8]-(y))
RETURN p
ORDER BY length(p), x.key, y.key
LIMIT 10
