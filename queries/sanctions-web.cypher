// The sanctions web: who sanctioned whom and who retaliated against whom, with both ends, to draw in Browser or `newsgraph view`
MATCH p = (src)-[r:SANCTIONED|RETALIATED_AGAINST]->(tgt)
RETURN p
ORDER BY src.key, tgt.key, r.event
