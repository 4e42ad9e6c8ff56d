package directory

import "slices"

// PartnerFixedField names the first field of an organisation that its own
// partner may not change from old to n ("" when none changed): kind,
// parent and working-group membership place an organisation in the
// network (a "Jobcenter" counts in network analysis, a parent lends its
// name, a working group its trust), so strategic steering decides them.
// Descriptive fields (name, description, contact, address) are the
// partner's own.
func PartnerFixedField(old, n Organisation) string {
	switch {
	case old.Kind != n.Kind:
		return "kind"
	case old.ParentID != n.ParentID:
		return "parentId"
	case !sameSet(old.WorkingGroupIDs, n.WorkingGroupIDs):
		return "workingGroupIds"
	}
	return ""
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}
