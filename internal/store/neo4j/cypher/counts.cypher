RETURN COUNT { MATCH (:District) } AS districts,
       COUNT { MATCH (:WorkingGroup) } AS workingGroups,
       COUNT { MATCH (:Organisation) } AS organisations,
       COUNT { MATCH (:Offer) } AS offers,
       COUNT { MATCH (:Organisation)-[:COOPERATES_WITH]->(:Organisation) } AS cooperations,
       COUNT { MATCH (:UnmetNeed) } AS unmetNeeds,
       COUNT { MATCH (:Organisation)-[:PROPOSES_COOPERATION]->(:Organisation) } AS cooperationProposals
