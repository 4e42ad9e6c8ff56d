// Claims the id of a new offer before offer_upsert fills it in. Under the
// uniqueness constraint offer_id a second CREATE of the same id fails
// (Neo.ClientError.Schema.ConstraintValidationFailed) even while both
// transactions run at once; a check followed by MERGE would overwrite.
CREATE (:Offer {id: $id})
