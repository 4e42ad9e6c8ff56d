SELECT (SELECT count(*) FROM districts), (SELECT count(*) FROM working_groups),
    (SELECT count(*) FROM organisations), (SELECT count(*) FROM offers),
    (SELECT count(*) FROM cooperations), (SELECT count(*) FROM unmet_needs),
    (SELECT count(*) FROM cooperation_proposals)
