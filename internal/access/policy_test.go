package access

import "testing"

// The reports (gapReport, networkReport, unmetNeedCounts, the files) and
// export show every organisation and offer, PROFESSIONAL ones included,
// without a visibility filter: that holds only while everyone who may
// read them sees PROFESSIONAL records. A role added to ReportReaders or
// DirectoryOperators that does not would see hidden records there.
func TestReportReadersSeeProfessionalRecords(t *testing.T) {
	for _, list := range [][]Role{ReportReaders, DirectoryOperators} {
		for _, r := range list {
			p := Principal{Role: r, TokenID: "tok", OrganisationID: "org-own"}
			if !SeesProfessional(p, "org-other") || Restricted(p) {
				t.Errorf("%s reads reports or exports but may not see another organisation's PROFESSIONAL records", r)
			}
		}
	}
	if SeesProfessional(Principal{Role: RolePartner, OrganisationID: "org-own"}, "org-other") ||
		!SeesProfessional(Principal{Role: RolePartner, OrganisationID: "org-own"}, "org-own") ||
		SeesProfessional(Principal{Role: RolePublic}, "") {
		t.Error("a partner sees PROFESSIONAL records of its own organisation only, an anonymous reader none")
	}
}
