package store

// Patch is the read-patch-write step of an update function (UpdateOffer,
// UpdateOrganisation), the same on every backend, which runs it inside one
// transaction of its own: read finds the record (none: a *NotFound on "id"),
// update patches it, write stores the result.
func Patch[T any](entity, id string, read func() ([]T, error), update func(*T) error, write func(T) error) error {
	list, err := read()
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return &NotFound{Field: "id", Entity: entity, ID: id}
	}
	rec := list[0]
	if err := update(&rec); err != nil {
		return err
	}
	return write(rec)
}
