// Claims the id of a new organisation before organisation_upsert fills it in.
// Under the uniqueness constraint organisation_id a second CREATE of the same
// id fails (Neo.ClientError.Schema.ConstraintValidationFailed) even while both
// transactions run at once; a check followed by MERGE would overwrite.
CREATE (:Organisation {id: $id})
