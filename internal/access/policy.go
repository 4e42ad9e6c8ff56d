package access

import (
	"fmt"
	"strings"
)

// The access policy of Lotse. Every operation checks it in internal/service;
// the table below is the contract, and internal/server/authz_test.go runs
// every root field of the schema with every role against it.
//
//	operation                                     PUBLIC  PARTNER     CASE_MANAGER  STEERING  ADMIN
//	organisation, organisations, offer, offers,   yes     yes         yes           yes       yes
//	  districts, matchOffers, network, me
//	carePlan (also record: true), recordUnmetNeed  -       -           yes           yes       yes
//	gapReport, networkReport, unmetNeedCounts,    -       -           yes           yes       yes (1)
//	  networkGraph, /reports/* files
//	createOrganisation, deleteOrganisation        -       -           -             yes       yes
//	updateOrganisation                            -       own org     -             yes       yes
//	createOffer, updateOffer, deleteOffer         -       own org (2) -             yes       yes
//	addCooperation, removeCooperation             -       own org (3) -             yes       yes
//	confirmCooperation                            -       other side  -             yes       yes
//	auditLog                                      -       -           -             -         yes
//	referral, referrals                           -       received    sent (4)      -         -
//	createReferral, withdrawConsent               -       -           own org (4)   -         -
//	updateReferralStatus                          -       received (5) sent (5)     -         -
//	referralStats                                 -       -           yes           yes (6)   yes (6)
//	read PROFESSIONAL organisations and offers,   -       own org     yes           yes       yes
//	  offers of PROFESSIONAL organisations,
//	  confidential places (SeesProfessional)
//
//	(1) unmet-need counts below 5 are suppressed for ADMIN: only case
//	    management and steering see them (SeesSmallCounts); ADMIN gets no
//	    time windows (since/until) either, whose differences would show them.
//	(2) the offer must belong to the partner's organisation before and after
//	    the change.
//	(3) one side of the cooperation must be the partner's organisation.
//	    A partner's addCooperation is PROPOSED until confirmed; a partner
//	    changes its organisation's descriptive fields, not kind, parent or
//	    working groups (directory.PartnerFixedField).
//	(4) a CASE_MANAGER token needs an organisation: its referrals are the
//	    ones that organisation sent; a PARTNER's are those to its offers.
//	    STEERING and ADMIN see referrals only as aggregates (referralStats).
//	    A referral the caller may not see reads as missing (null / NOT_FOUND).
//	(5) along the status graph of internal/referral: the provider answers,
//	    the sender cancels; a change the graph does not allow is CONFLICT.
//	(6) counts below 5 suppressed with their complements (only CASE_MANAGER
//	    sees them), as are referral flows in networkReport; STEERING and
//	    ADMIN get no time windows (since/until), whose differences would show them.
//
// A refused anonymous caller gets UNAUTHENTICATED, a refused caller with a
// token FORBIDDEN. The public directory carries no confidential fields.
//
// Tokens are managed only on the command line (lotse token), which acts as
// Operator.
var (
	// AuditReaders may read the audit log.
	AuditReaders = []Role{RoleAdmin}
	// TokenAdmins may issue, list and revoke tokens.
	TokenAdmins = []Role{RoleAdmin}
	// DirectoryOperators may import and export the whole directory.
	DirectoryOperators = []Role{RoleAdmin}
)

// Operator is the person at the command line: whoever can open the store
// may administer it, so the CLI acts with ADMIN rights under this name.
var Operator = Principal{Role: RoleAdmin, TokenID: "cli", Name: "cli"}

// ParseRole reads a role name, case-insensitively ("case_manager" works).
func ParseRole(s string) (Role, error) {
	r := Role(strings.ToUpper(strings.TrimSpace(s)))
	if !r.Valid() {
		names := make([]string, len(Roles))
		for i, x := range Roles {
			names[i] = string(x)
		}
		return "", fmt.Errorf("%q is not a role; use one of %s", s, strings.Join(names, ", "))
	}
	return r, nil
}

// SeesProfessional reports whether the caller may see PROFESSIONAL offers
// and confidential places of the organisation providerID: signed-in case
// management, steering and admin see all of them, a PARTNER its own
// organisation's; anonymous readers and other partners see neither.
func SeesProfessional(p Principal, providerID string) bool {
	switch p.Role {
	case RoleCaseManager, RoleSteering, RoleAdmin:
		return true
	case RolePartner:
		return providerID != "" && p.OrganisationID == providerID
	}
	return false
}

// Restricted reports whether the caller sees only PUBLIC offers and no
// confidential places (except, for a PARTNER, its own organisation's).
func Restricted(p Principal) bool {
	return p.Role != RoleCaseManager && p.Role != RoleSteering && p.Role != RoleAdmin
}
