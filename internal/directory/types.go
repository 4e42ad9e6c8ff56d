// Package directory holds Lotse's domain: organisations, offers, districts,
// cooperations and working groups, their vocabularies and their validation.
// It does no I/O.
package directory

import "time"

// GeoPoint is a WGS-84 position.
type GeoPoint struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// District is a Stadtbezirk of a municipality.
type District struct {
	ID           string    `json:"id"`
	Name         string    `json:"name"`
	Municipality string    `json:"municipality"`
	Population   int       `json:"population"`
	Centre       *GeoPoint `json:"centre,omitempty"`
	// RadiusKm approximates the district's extent around its centre.
	RadiusKm float64 `json:"radiusKm,omitempty"`
	// Boundary is the district's outline, when known (a city's open data,
	// or generated for the demo).
	Boundary *Boundary `json:"boundary,omitempty"`
}

// Organisation is an actor of the local integration network (Akteur, Träger).
type Organisation struct {
	ID           string           `json:"id"`
	Name         string           `json:"name"`
	Kind         OrganisationKind `json:"kind"`
	Description  string           `json:"description,omitempty"`
	ParentID     string           `json:"parentId,omitempty"`
	DistrictID   string           `json:"districtId,omitempty"`
	Municipality string           `json:"municipality,omitempty"`
	Address      string           `json:"address,omitempty"`
	Location     *GeoPoint        `json:"location,omitempty"`
	Website      string           `json:"website,omitempty"`
	Email        string           `json:"email,omitempty"`
	Phone        string           `json:"phone,omitempty"`
	// WorkingGroupIDs are the working groups the organisation is member of;
	// stores read them back ordered by id.
	WorkingGroupIDs []string `json:"workingGroupIds,omitempty"`
	// Visibility: PUBLIC ("" reads as PUBLIC) or PROFESSIONAL. A
	// PROFESSIONAL organisation's offers are hidden with it.
	Visibility Visibility `json:"visibility,omitempty"`
	// ConfidentialAddress keeps address and position from readers who may
	// not see them (they get the district and the contact fields).
	ConfidentialAddress bool      `json:"confidentialAddress,omitempty"`
	UpdatedAt           time.Time `json:"updatedAt"`
}

// Offer is an Angebot provided by one organisation.
type Offer struct {
	ID            string         `json:"id"`
	ProviderID    string         `json:"providerId"`
	Title         string         `json:"title"`
	Description   string         `json:"description,omitempty"`
	Category      OfferCategory  `json:"category"`
	CourseType    CourseType     `json:"courseType,omitempty"`
	Needs         []NeedArea     `json:"needs"`
	TargetGroups  []TargetGroup  `json:"targetGroups"`
	Languages     []string       `json:"languages"`
	LegalCircuits []LegalCircuit `json:"legalCircuits,omitempty"`
	Childcare     bool           `json:"childcare"`
	Cost          Cost           `json:"cost"`
	Capacity      *int           `json:"capacity,omitempty"`
	FreePlaces    *int           `json:"freePlaces,omitempty"`
	Schedule      string         `json:"schedule,omitempty"`
	AgeMin        *int           `json:"ageMin,omitempty"`
	AgeMax        *int           `json:"ageMax,omitempty"`
	Funding       Funding        `json:"funding"`
	Status        OfferStatus    `json:"status"`
	Digital       bool           `json:"digital"`
	Address       string         `json:"address,omitempty"`
	Location      *GeoPoint      `json:"location,omitempty"`
	DistrictID    string         `json:"districtId,omitempty"`
	Contact       string         `json:"contact,omitempty"`
	// Visibility: PUBLIC ("" reads as PUBLIC) or PROFESSIONAL.
	Visibility Visibility `json:"visibility,omitempty"`
	// ConfidentialAddress keeps address and position from readers who may
	// not see them (they get the district and Contact).
	ConfidentialAddress bool      `json:"confidentialAddress,omitempty"`
	UpdatedAt           time.Time `json:"updatedAt"`
}

// Cooperation is an undirected partnership between two organisations. The
// stores keep it once, with A < B, and read it from both ends.
type Cooperation struct {
	A      string   `json:"a"`
	B      string   `json:"b"`
	Since  string   `json:"since,omitempty"` // ISO date, YYYY-MM-DD
	Topics []string `json:"topics,omitempty"`
	// Status is set on what the service returns (PROPOSED or CONFIRMED);
	// stores keep proposals apart and do not carry it.
	Status CooperationStatus `json:"-"`
}

// Normalized returns c with A and B in canonical order.
func (c Cooperation) Normalized() Cooperation {
	if c.B < c.A {
		c.A, c.B = c.B, c.A
	}
	return c
}

// Other returns the partner of id in c.
func (c Cooperation) Other(id string) string {
	if c.A == id {
		return c.B
	}
	return c.A
}

// WorkingGroup is an Arbeitsgruppe; members are recorded on the organisations.
type WorkingGroup struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Municipality string `json:"municipality,omitempty"`
	Description  string `json:"description,omitempty"`
}

// UnmetNeed is a need that case management found no fitting offer for
// (Bedarf ohne Angebot). It carries nothing that identifies the client.
type UnmetNeed struct {
	ID          string      `json:"id"`
	Need        NeedArea    `json:"need"`
	DistrictID  string      `json:"districtId"`
	Language    string      `json:"language,omitempty"`
	TargetGroup TargetGroup `json:"targetGroup,omitempty"`
	RecordedOn  string      `json:"recordedOn"` // ISO date, YYYY-MM-DD
}

// Snapshot is the whole directory as one document: the import/export format.
type Snapshot struct {
	Format        string         `json:"format"`
	Districts     []District     `json:"districts"`
	WorkingGroups []WorkingGroup `json:"workingGroups"`
	Organisations []Organisation `json:"organisations"`
	Offers        []Offer        `json:"offers"`
	Cooperations  []Cooperation  `json:"cooperations"`
	UnmetNeeds    []UnmetNeed    `json:"unmetNeeds"`
	// CooperationProposals are the cooperations one side proposed and the
	// other (or steering) has not confirmed, by A then B; absent in
	// documents written before they were exported.
	CooperationProposals []CooperationProposal `json:"cooperationProposals"`
}

// CooperationProposal is a cooperation one side proposed and the other
// side (or steering) has not confirmed yet.
type CooperationProposal struct {
	Cooperation
	ProposedBy string `json:"proposedBy"` // the organisation that proposed it, A or B
}

// SnapshotFormat names the current version of the Snapshot document.
const SnapshotFormat = "lotse.directory/v1"
