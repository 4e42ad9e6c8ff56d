// Inserts or replaces a referral with its relationships (DESIGN.md §3). The
// offer's and organisations' ids are also properties: the referral outlives
// a deleted offer, and its inbox is read by toOrganisationId.
MERGE (r:Referral {id: $id})
SET r = $props
WITH r
CALL (r) {
  MATCH (r)-[x:TO|FROM|ADDRESSES]->()
  DELETE x
}
CALL (r) {
  MATCH (o:Offer {id: r.offerId})
  MERGE (r)-[:TO]->(o)
}
CALL (r) {
  MATCH (g:Organisation {id: r.fromOrganisationId})
  MERGE (r)-[:FROM]->(g)
}
CALL (r) {
  UNWIND r.needs AS code
  MERGE (n:Need {code: code})
  MERGE (r)-[:ADDRESSES]->(n)
}
RETURN r.id AS id
