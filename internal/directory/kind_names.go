package directory

// kindNames are the German names of the organisation kinds, for files and
// pages read by the office.
var kindNames = map[OrganisationKind]string{
	KindCityService:         "Stadtdienst",
	KindJobcenter:           "Jobcenter",
	KindEmploymentAgency:    "Agentur für Arbeit",
	KindImmigrationOffice:   "Ausländer- und Einbürgerungsbehörde",
	KindIntegrationCentre:   "Kommunales Integrationszentrum",
	KindYouthWelfareOffice:  "Jugendamt",
	KindWelfareAssociation:  "Wohlfahrtsverband",
	KindMigrantOrganisation: "Migrantenorganisation",
	KindMosque:              "Moscheegemeinde",
	KindChurch:              "Kirchengemeinde",
	KindSportsClub:          "Sportverein",
	KindCulturalAssociation: "Kulturverein",
	KindEducationProvider:   "Bildungsträger",
	KindChamber:             "Kammer",
	KindOther:               "Sonstige",
}

// GermanName returns the German name of an organisation kind, or its code.
func (k OrganisationKind) GermanName() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return string(k)
}
