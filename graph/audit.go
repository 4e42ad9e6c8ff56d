package graph

import (
	"github.com/lotse-kim/lotse/graph/model"
	"github.com/lotse-kim/lotse/graph/relay"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// auditActions maps the action strings the service writes into the audit
// log to the AuditAction enum. TestAuditActionsAreNamed fails when the
// service writes an action this table does not name.
var auditActions = map[string]model.AuditAction{
	"createOrganisation":                 model.AuditActionCreateOrganisation,
	"updateOrganisation":                 model.AuditActionUpdateOrganisation,
	"deleteOrganisation":                 model.AuditActionDeleteOrganisation,
	"createOffer":                        model.AuditActionCreateOffer,
	"updateOffer":                        model.AuditActionUpdateOffer,
	"deleteOffer":                        model.AuditActionDeleteOffer,
	"addCooperation":                     model.AuditActionAddCooperation,
	"removeCooperation":                  model.AuditActionRemoveCooperation,
	"confirmCooperation":                 model.AuditActionConfirmCooperation,
	"recordUnmetNeed":                    model.AuditActionRecordUnmetNeed,
	"carePlan.record":                    model.AuditActionCarePlanRecord,
	"createToken":                        model.AuditActionCreateToken,
	"revokeToken":                        model.AuditActionRevokeToken,
	"importDistrictBoundaries":           model.AuditActionImportDistrictBoundaries,
	"createReferral":                     model.AuditActionCreateReferral,
	"updateReferralStatus":               model.AuditActionUpdateReferralStatus,
	"updateReferralStatus.noAlternative": model.AuditActionUpdateReferralStatusNoAlternative,
	"withdrawConsent":                    model.AuditActionWithdrawConsent,
	"importReferrals":                    model.AuditActionImportReferrals,
	"purgeReferrals":                     model.AuditActionPurgeReferrals,
	"import":                             model.AuditActionImport,
}

// auditEntities maps the entity types of the audit log to AuditEntityType.
var auditEntities = map[string]model.AuditEntityType{
	"Organisation": model.AuditEntityTypeOrganisation,
	"Offer":        model.AuditEntityTypeOffer,
	"Cooperation":  model.AuditEntityTypeCooperation,
	"UnmetNeed":    model.AuditEntityTypeUnmetNeed,
	"Token":        model.AuditEntityTypeToken,
	"District":     model.AuditEntityTypeDistrict,
	"Referral":     model.AuditEntityTypeReferral,
	"Snapshot":     model.AuditEntityTypeSnapshot,
}

func auditAction(s string) model.AuditAction {
	if a, ok := auditActions[s]; ok {
		return a
	}
	return model.AuditActionOther
}

func auditEntity(s string) model.AuditEntityType {
	if e, ok := auditEntities[s]; ok {
		return e
	}
	return model.AuditEntityTypeOther
}

// reverse finds the string an enum value stands for; OTHER stands for
// none ("" would not filter, so it gets a value that matches nothing).
func reverse[K comparable](m map[string]K, v K) string {
	for s, x := range m {
		if x == v {
			return s
		}
	}
	return "\x00other"
}

// auditFilter reads the GraphQL audit filter; the enum fields stand for the
// strings of the deprecated ones and must not contradict them.
func auditFilter(in *model.AuditFilter) (store.AuditFilter, error) {
	if in == nil {
		return store.AuditFilter{}, nil
	}
	// entityId is a String (the log keeps local ids); a global id names the same entity.
	f := store.AuditFilter{ActorID: deref(in.ActorID), EntityType: deref(in.EntityType),
		EntityID: relay.Local(deref(in.EntityID)), Action: deref(in.Action)}
	p := directory.NewProblems()
	if in.Operation != nil {
		a := reverse(auditActions, *in.Operation)
		if f.Action != "" && f.Action != a {
			p.Add("filter.operation", "%s contradicts filter.action %q; give one of them", *in.Operation, f.Action)
		}
		f.Action = a
	}
	if in.EntityKind != nil {
		e := reverse(auditEntities, *in.EntityKind)
		if f.EntityType != "" && f.EntityType != e {
			p.Add("filter.entityKind", "%s contradicts filter.entityType %q; give one of them", *in.EntityKind, f.EntityType)
		}
		f.EntityType = e
	}
	return f, p.Err()
}
