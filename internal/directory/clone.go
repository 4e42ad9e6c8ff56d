package directory

import "slices"

// Clones let an update keep the record as it was before a patch (for the
// audit entry and ownership checks) while the patch changes lists and
// pointers of the original.

// Clone returns a deep copy of o.
func (o Organisation) Clone() Organisation {
	o.Location = clonePtr(o.Location)
	o.WorkingGroupIDs = slices.Clone(o.WorkingGroupIDs)
	return o
}

// Clone returns a deep copy of o.
func (o Offer) Clone() Offer {
	o.Needs = slices.Clone(o.Needs)
	o.TargetGroups = slices.Clone(o.TargetGroups)
	o.Languages = slices.Clone(o.Languages)
	o.LegalCircuits = slices.Clone(o.LegalCircuits)
	o.Capacity, o.FreePlaces = clonePtr(o.Capacity), clonePtr(o.FreePlaces)
	o.AgeMin, o.AgeMax = clonePtr(o.AgeMin), clonePtr(o.AgeMax)
	o.Location = clonePtr(o.Location)
	return o
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
