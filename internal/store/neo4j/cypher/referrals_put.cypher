// Inserts or replaces referrals by id with their relationships (DESIGN.md
// §3); returns only the rows whose offer or sending organisation does not
// exist. The ids are also properties: a referral outlives a deleted offer,
// and the inbox is read by toOrganisationId.
UNWIND $rows AS row
MERGE (r:Referral {id: row.id})
SET r = row.props
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
WITH r,
     NOT EXISTS { (r)-[:TO]->(:Offer) } AS missingOffer,
     NOT EXISTS { (r)-[:FROM]->(:Organisation) } AS missingSender
WHERE missingOffer OR missingSender
RETURN r.id AS id, missingOffer, missingSender
