package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/lotse-kim/lotse/internal/store"
)

// Every statement is one file in sql/, named after its Cypher twin in
// ../neo4j/cypher/ where it has one (organisation_upsert.sql beside
// organisation_upsert.cypher), loaded here once. exec, query and queryRow
// check that the arguments name every parameter a statement uses before it
// runs: SQLite would bind a missing one as NULL without a word.
//
//go:embed sql/*.sql
var sqlFS embed.FS

// statement is one embedded SQL statement and the named parameters it uses.
type statement struct {
	name   string
	text   string
	params []string // every :name in text, sorted
}

// statements holds every statement of sql/ by name.
var statements = map[string]*statement{}

// paramRE finds named parameters; comments and string literals are removed first.
var (
	paramRE   = regexp.MustCompile(`[:@$]([A-Za-z_][A-Za-z0-9_]*)`)
	literalRE = regexp.MustCompile(`'(?:[^']|'')*'|--[^\n]*`)
)

func parameters(text string) []string { return store.ParamNames(text, paramRE, literalRE) }

// load returns the statement in sql/<name>.sql.
func load(name string) *statement {
	text := store.MustReadStatement(sqlFS, "sql/"+name+".sql")
	st := &statement{name: name, text: text, params: parameters(text)}
	statements[name] = st
	return st
}

// check reports a parameter of st that args (sql.Named values) do not supply.
func (st *statement) check(args []any) error {
	if len(st.params) == 0 {
		return nil
	}
	given := map[string]bool{}
	for _, a := range args {
		if n, ok := a.(sql.NamedArg); ok {
			given[n.Name] = true
		}
	}
	var missing []string
	for _, p := range st.params {
		if !given[p] {
			missing = append(missing, ":"+p)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("sqlite: statement %s: parameter %s not supplied", st.name, strings.Join(missing, ", "))
	}
	return nil
}

type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// exec runs st with args on q once their names are checked.
func exec(ctx context.Context, q execer, st *statement, args ...any) (sql.Result, error) {
	if err := st.check(args); err != nil {
		return nil, err
	}
	return q.ExecContext(ctx, st.text, args...)
}

// query runs st with args on q once their names are checked.
func query(ctx context.Context, q queryer, st *statement, args ...any) (*sql.Rows, error) {
	if err := st.check(args); err != nil {
		return nil, err
	}
	return q.QueryContext(ctx, st.text, args...)
}

// queryRow runs st with args on q. A missing parameter is a programming
// error that the conformance suite meets at once, so it panics: a *sql.Row
// cannot carry an error of its own.
func queryRow(ctx context.Context, q queryer, st *statement, args ...any) *sql.Row {
	if err := st.check(args); err != nil {
		panic(err)
	}
	return q.QueryRowContext(ctx, st.text, args...)
}

var (
	stAuditCount                     = load("audit_count")
	stAuditInsert                    = load("audit_insert")
	stAuditPage                      = load("audit_page")
	stCooperationDelete              = load("cooperation_delete")
	stCooperationGraphOrganisations  = load("cooperation_graph_organisations")
	stCooperationUpsert              = load("cooperation_upsert")
	stCooperationsAmong              = load("cooperations_among")
	stCooperationsOf                 = load("cooperations_of")
	stCounts                         = load("counts")
	stDirectoryChangeInsert          = load("directory_change_insert")
	stDirectoryChangesPrune          = load("directory_changes_prune")
	stDirectoryVersion               = load("directory_version")
	stDirectoryChanges               = load("directory_changes")
	stDistrictExists                 = load("district_exists")
	stDistrictUpsert                 = load("district_upsert")
	stDistricts                      = load("districts")
	stExists                         = load("exists")
	stExportCooperations             = load("export_cooperations")
	stExportOffers                   = load("export_offers")
	stExportProposals                = load("export_proposals")
	stExportUnmetNeeds               = load("export_unmet_needs")
	stGapChildcare                   = load("gap_childcare")
	stGapCourses                     = load("gap_courses")
	stGapGroups                      = load("gap_groups")
	stGapOffers                      = load("gap_offers")
	stImportDangling                 = load("import_dangling")
	stImportForeignKeysOff           = load("import_foreign_keys_off")
	stImportForeignKeysOn            = load("import_foreign_keys_on")
	stImportOfferSchema              = load("import_offer_schema")
	stImportRebuildOfferIndexes      = load("import_rebuild_offer_indexes")
	stNeighbourhoodIDs               = load("neighbourhood_ids")
	stOfferDelete                    = load("offer_delete")
	stOfferLanguagesClear            = load("offer_languages_clear")
	stOfferLanguagesSet              = load("offer_languages_set")
	stOfferUpsert                    = load("offer_upsert")
	stOffersByID                     = load("offers_by_id")
	stOffersByProvider               = load("offers_by_provider")
	stOffersAfter                    = load("offers_after")
	stOrganisationCooperationsDelete = load("organisation_cooperations_delete")
	stOrganisationDelete             = load("organisation_delete")
	stOrganisationDependents         = load("organisation_dependents")
	stOrganisationExists             = load("organisation_exists")
	stOrganisationGroupInsert        = load("organisation_group_insert")
	stOrganisationGroupsClear        = load("organisation_groups_clear")
	stOrganisationTokensRevoke       = load("organisation_tokens_revoke")
	stOrganisationUpsert             = load("organisation_upsert")
	stOrganisationsByID              = load("organisations_by_id")
	stOrganisationsAfter             = load("organisations_after")
	stOrganisationsPage              = load("organisations_page")
	stProposalDelete                 = load("proposal_delete")
	stProposalGet                    = load("proposal_get")
	stProposalUpsert                 = load("proposal_upsert")
	stProposalsOf                    = load("proposals_of")
	stReferralCounts                 = load("referral_counts")
	stReferralCountsMunicipality     = load("referral_counts_municipality")
	stReferralCreate                 = load("referral_create")
	stReferralUpdate                 = load("referral_update")
	stReferralsByID                  = load("referrals_by_id")
	stReferralsCount                 = load("referrals_count")
	stReferralsErase                 = load("referrals_erase")
	stReferralsInboxCount            = load("referrals_inbox_count")
	stReferralsInboxPage             = load("referrals_inbox_page")
	stReferralsOutboxCount           = load("referrals_outbox_count")
	stReferralsOutboxPage            = load("referrals_outbox_page")
	stReferralsPage                  = load("referrals_page")
	stReferralsPut                   = load("referrals_put")
	stSearchOffersNear               = load("search_offers_near")
	stSearchOffersPage               = load("search_offers_page")
	stTokenByHash                    = load("token_by_hash")
	stTokenCreate                    = load("token_create")
	stTokenRevoke                    = load("token_revoke")
	stTokenTaken                     = load("token_taken")
	stTokens                         = load("tokens")
	stUnmetNeedCounts                = load("unmet_need_counts")
	stUnmetNeedInsert                = load("unmet_need_insert")
	stUnmetNeedUpsert                = load("unmet_need_upsert")
	stUnmetNeedsTaken                = load("unmet_needs_taken")
	stWorkingGroupUpsert             = load("working_group_upsert")
	stWorkingGroupsByID              = load("working_groups_by_id")
)

// Preparing the search statement costs about as much as running it, so hot
// reads keep their prepared statements, one cache per Store, closed in
// Close; a *sql.Stmt re-prepares itself per connection.
type stmtCache struct {
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

// readStmt returns the prepared form of query on the reader pool.
func (s *Store) readStmt(ctx context.Context, query string) (*sql.Stmt, error) {
	c := &s.stmts
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	st, err := s.r.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if c.stmts == nil {
		c.stmts = map[string]*sql.Stmt{}
	}
	c.stmts[query] = st
	return st, nil
}

// close closes every cached statement.
func (c *stmtCache) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var errs []error
	for _, st := range c.stmts {
		errs = append(errs, st.Close())
	}
	c.stmts = nil
	return errors.Join(errs...)
}
