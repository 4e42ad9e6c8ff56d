// Package demo generates fictional but realistic integration networks:
// the partner directory of the Kommunales Integrationsmanagement of
// Solingen and Wuppertal (Demo), larger networks of the same cities
// (Generate with Scale), and a network of 54 NRW municipalities (NRW).
//
// Everything is deterministic. A network depends only on its Options: the
// random streams are math/rand/v2 PCG seeded from Options.Seed and the
// municipality, and times are BaseTime (2026-11-01 09:00 UTC) minus drawn
// offsets; nothing reads the clock. The same Options give byte-identical
// JSON. Districts do not depend on the seed at all.
//
// Names of public bodies (Jobcenter, Jugendamt, VHS, welfare associations)
// follow the real pattern; migrant organisations, mosques, churches and
// clubs carry invented names; every e-mail address and website lies under
// example.org and belongs to an organisation, never to a person.
//
// # Built-in tensions
//
// The demo network is made so that strategic steering has something to find.
// FindTensions (and DemoTensions) compute each from the data:
//
//   - Integration courses without childcare: ACTIVE integration courses
//     without Kinderbetreuung and with no ACTIVE CHILDCARE or PASSAGE_GROUP
//     offer within 1 km. Hand-placed in Solingen-Wald (WaldCourseID,
//     WaldWomenCourseID) and Wuppertal-Oberbarmen (OberbarmenCourseID,
//     OberbarmenAlphaID): running childcare is kept 1.3 km away from them.
//   - Districts without a Passagegruppe: no ACTIVE PASSAGE_GROUP in
//     Solingen-Burg/Höhscheid and Wuppertal-Cronenberg; every other demo
//     district has at least one.
//   - Full offers: ACTIVE offers with capacity > 0 and no free place (about
//     one in six offers with a capacity).
//   - German-only offers: ACTIVE offers held in German alone.
//   - Passagegruppen without money: PLANNED or PAUSED with funding
//     UNFUNDED or APPLIED, among them BurgPlannedPassageID and
//     CronenbergPausedID.
//   - Isolated organisations: migrant organisations, mosques, churches,
//     clubs and others without any cooperation.
//   - Unmet needs in a language: UnmetNeeds recorded in 2026 in Arabic,
//     Tigrinya or Dari (fa) in districts whose offers for that need are
//     held without that language, e.g. FAMILY_CHILDCARE in Arabic in
//     Oberbarmen, HEALTH in Tigrinya in Ohligs, HOUSING in Arabic in Ohligs.
//
// # The matching scenario
//
// An Arabic-speaking mother in Solingen-Ohligs (ScenarioDistrictID) finds
// an ACTIVE Frauenintegrationskurs with Kinderbetreuung and free places
// (ScenarioCourseID, German with Arabic support, AUFENTHG and SGB_II), an
// ACTIVE Migrationsberatung der AWO on Arabic for WORK, AUTHORITIES and
// RESIDENCE (ScenarioCounsellingID) and a Jobcenter coaching for mothers
// (ScenarioEmploymentID, SGB_II). For HOUSING there is honestly nothing: no
// ACTIVE offer in Solingen held in Arabic, none in Ohligs or within 2 km of
// its centre (ScenarioGapKm), and no Arabic housing offer online. Every generated network that contains
// Solingen carries the scenario.
package demo
