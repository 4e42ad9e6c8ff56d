package neo4j

import (
	"embed"
	"regexp"

	"github.com/lotse-kim/lotse/internal/store"
)

// Every statement is one file in cypher/; the schema statements are in
// cypher/schema/ and run by Open in file order.
//
//go:embed cypher/*.cypher cypher/schema/*.cypher
var cypherFS embed.FS

// statement is one embedded Cypher statement and the parameters it uses.
type statement struct {
	name   string
	text   string
	params []string // every $name in text, sorted
}

// statements holds every statement of cypher/ by name.
var statements = map[string]*statement{}

var paramRE = regexp.MustCompile(`\$([A-Za-z_][A-Za-z0-9_]*)`)

// commentRE strips the // comments a statement may carry.
var commentRE = regexp.MustCompile(`//[^\n]*`)

// parameters returns the $names a statement uses, sorted, ignoring // comments.
func parameters(text string) []string { return store.ParamNames(text, paramRE, commentRE) }

// load returns the statement in cypher/<name>.cypher.
func load(name string) *statement {
	text := store.MustReadStatement(cypherFS, "cypher/"+name+".cypher")
	st := &statement{name: name, text: text, params: parameters(text)}
	statements[name] = st
	return st
}

var (
	stDistrictUpsert           = load("district_upsert")
	stDistricts                = load("districts")
	stDistrictsByID            = load("districts_by_id")
	stWorkingGroupUpsert       = load("working_group_upsert")
	stWorkingGroupsByID        = load("working_groups_by_id")
	stOrganisationExists       = load("organisation_exists")
	stOrganisationLock         = load("organisation_lock")
	stOrganisationCreate       = load("organisation_create")
	stOrganisationUpsert       = load("organisation_upsert")
	stOrganisationParents      = load("organisation_link_parents")
	stOrganisationDeps         = load("organisation_dependents")
	stOrganisationDelete       = load("organisation_delete")
	stOrganisationTokensRevoke = load("organisation_tokens_revoke")
	stProposalUpsert           = load("proposal_upsert")
	stProposalsOf              = load("proposals_of")
	stProposalConfirm          = load("proposal_confirm")
	stOrganisationsByID        = load("organisations_by_id")
	stOrganisationsCount       = load("organisations_count")
	stOrganisationsPage        = load("organisations_page")
	stOfferExists              = load("offer_exists")
	stOfferLock                = load("offer_lock")
	stOfferCreate              = load("offer_create")
	stOfferUpsert              = load("offer_upsert")
	stOfferDelete              = load("offer_delete")
	stOffersByID               = load("offers_by_id")
	stOffersByProvider         = load("offers_by_provider")
	stExportOffersAfter        = load("export_offers_after")
	stExportOrgsAfter          = load("export_organisations_after")
	stSearchOffersPage         = load("search_offers_page")
	stOffersSearchKeysStale    = load("offers_search_keys_stale")
	stOffersAfter              = load("offers_after")
	stOfferSearchKeysSet       = load("offer_search_keys_set")
	stOfferSearchAwait         = load("offer_search_await")
	stCooperationCheck         = load("cooperation_check")
	stCooperationUpsert        = load("cooperation_upsert")
	stCooperationDelete        = load("cooperation_delete")
	stCooperationsOf           = load("cooperations_of")
	stCooperationsAmong        = load("cooperations_among")
	stCooperationsAll          = load("cooperations_all")
	stCounts                   = load("counts")
	stExportDistricts          = load("export_districts")
	stExportWorkingGroups      = load("export_working_groups")
	stExportOrganisations      = load("export_organisations")
	stExportOffers             = load("export_offers")
	stExportCooperations       = load("export_cooperations")
	stExportProposals          = load("export_proposals")
	stExportUnmetNeeds         = load("export_unmet_needs")

	stUnmetNeedsTaken     = load("unmet_needs_taken")
	stUnmetNeedUpsert     = load("unmet_need_upsert")
	stUnmetNeedCounts     = load("unmet_need_counts")
	stGapBase             = load("gap_base")
	stGapChildcare        = load("gap_childcare")
	stDirectoryStamp      = load("directory_stamp")
	stOrganisationsOfMuni = load("organisations_of_municipality")
	// stNeighbourhood[k] finds the organisations within k hops; Cypher 5
	// takes no parameter as a path length bound, so each depth is a file.
	stNeighbourhood = [...]*statement{1: load("neighbourhood_1"), 2: load("neighbourhood_2"), 3: load("neighbourhood_3")}

	stTokenTaken  = load("token_taken")
	stTokenCreate = load("token_create")
	stTokenByHash = load("token_by_hash")
	stTokens      = load("tokens")
	stTokenRevoke = load("token_revoke")
	stAuditInsert = load("audit_insert")
	stAuditCount  = load("audit_count")
	stAuditPage   = load("audit_page")

	stDirectoryChangeInsert = load("directory_change_insert")
	stDirectoryChangesPrune = load("directory_changes_prune")
	stDirectoryVersion      = load("directory_version")
	stDirectoryChanges      = load("directory_changes")
)

// searchDrivers: per driver (searchDriver), the statement that starts from
// its index and returns total and page at once; "all" scans every offer.
var searchDrivers = map[string]*statement{
	"all":          stSearchOffersPage,
	"near":         load("search_offers_page_near"),
	"provider":     load("search_offers_page_provider"),
	"district":     load("search_offers_page_district"),
	"municipality": load("search_offers_page_municipality"),
	"text":         load("search_offers_page_text"),
	"lucene":       load("search_offers_page_lucene"),
	"category":     load("search_offers_page_category"),
}
