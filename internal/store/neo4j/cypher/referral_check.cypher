// The reference checks of a new referral, in one round trip.
RETURN EXISTS { (:Referral {id: $id}) } AS taken,
       EXISTS { (:Offer {id: $offerId}) } AS offerExists,
       EXISTS { (:Organisation {id: $fromOrganisationId}) } AS organisationExists
