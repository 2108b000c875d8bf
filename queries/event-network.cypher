// The whole actor network: every actor-to-actor event edge (ACCUSED, SANCTIONED, ...) with its two ends, for Browser and `newsgraph view`
MATCH p = (src)-[r:ACCUSED|CRITICIZED|DEMANDED_OF|SANCTIONED|THREATENED|REJECTED|AGREED_WITH|RETALIATED_AGAINST]->(tgt)
RETURN p
ORDER BY src.key, tgt.key, r.event
