// The accusation network: every ACCUSED edge with its accuser and accused, to draw in Browser or `newsgraph view`
MATCH p = (src)-[r:ACCUSED]->(tgt)
RETURN p
ORDER BY src.key, tgt.key, r.event
