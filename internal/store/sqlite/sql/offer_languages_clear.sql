DELETE FROM offer_languages WHERE rid = :rid
