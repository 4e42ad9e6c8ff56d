package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/lotse-kim/lotse/graph/model"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// Mapping between the directory's GraphQL models (schema.graphqls) and
// internal/directory and internal/store.

func organisationFromInput(in model.CreateOrganisationInput) directory.Organisation {
	return directory.Organisation{
		ID: deref(in.ID), Name: in.Name, Kind: in.Kind, Description: deref(in.Description),
		ParentID: deref(in.ParentID), DistrictID: deref(in.DistrictID), Municipality: deref(in.Municipality),
		Address: deref(in.Address), Location: geo(in.Location), Website: deref(in.Website),
		Email: deref(in.Email), Phone: deref(in.Phone), WorkingGroupIDs: in.WorkingGroupIds,
		ConfidentialAddress: deref(in.ConfidentialAddress), Visibility: deref(in.Visibility),
	}
}

func (in UpdateOrganisation) apply(o *directory.Organisation) {
	setIf(&o.Name, in.Name)
	setIf(&o.Kind, in.Kind)
	setIf(&o.Description, in.Description)
	setIf(&o.ParentID, in.ParentID)
	setIf(&o.DistrictID, in.DistrictID)
	setIf(&o.Municipality, in.Municipality)
	setIf(&o.Address, in.Address)
	if l, ok := in.Location.ValueOK(); ok {
		o.Location = geo(l)
	}
	setIf(&o.Website, in.Website)
	setIf(&o.Email, in.Email)
	setIf(&o.Phone, in.Phone)
	setList(&o.WorkingGroupIDs, in.WorkingGroupIds)
	setIf(&o.ConfidentialAddress, in.ConfidentialAddress)
	setIf(&o.Visibility, in.Visibility)
}

// UpdateOrganisation and UpdateOffer give the generated inputs an apply method.
type (
	UpdateOrganisation model.UpdateOrganisationInput
	UpdateOffer        model.UpdateOfferInput
)

func offerFromInput(in model.CreateOfferInput) directory.Offer {
	o := directory.Offer{
		ID: deref(in.ID), ProviderID: in.ProviderID, Title: in.Title, Description: deref(in.Description),
		Category: in.Category, CourseType: deref(in.CourseType), Needs: in.Needs, TargetGroups: in.TargetGroups,
		Languages: in.Languages, LegalCircuits: in.LegalCircuits, Childcare: deref(in.Childcare),
		Cost: directory.CostFree, Capacity: in.Capacity, FreePlaces: in.FreePlaces, Schedule: deref(in.Schedule),
		AgeMin: in.AgeMin, AgeMax: in.AgeMax, Funding: directory.FundingFunded, Status: directory.StatusActive,
		Digital: deref(in.Digital), Address: deref(in.Address), Location: geo(in.Location),
		DistrictID: deref(in.DistrictID), Contact: deref(in.Contact),
	}
	setIf(&o.Cost, in.Cost)
	setIf(&o.Funding, in.Funding)
	setIf(&o.Status, in.Status)
	setIf(&o.Visibility, in.Visibility)
	setIf(&o.ConfidentialAddress, in.ConfidentialAddress)
	return o
}

func (in UpdateOffer) apply(o *directory.Offer) {
	setIf(&o.ProviderID, in.ProviderID)
	setIf(&o.Title, in.Title)
	setIf(&o.Description, in.Description)
	setIf(&o.Category, in.Category)
	setIf(&o.CourseType, in.CourseType)
	setList(&o.Needs, in.Needs)
	setList(&o.TargetGroups, in.TargetGroups)
	setList(&o.Languages, in.Languages)
	setList(&o.LegalCircuits, in.LegalCircuits)
	setIf(&o.Childcare, in.Childcare)
	setIf(&o.Cost, in.Cost)
	// Omittable: absent leaves a number, null clears it.
	setOmittable(&o.Capacity, in.Capacity)
	setOmittable(&o.FreePlaces, in.FreePlaces)
	setIf(&o.Schedule, in.Schedule)
	setOmittable(&o.AgeMin, in.AgeMin)
	setOmittable(&o.AgeMax, in.AgeMax)
	setIf(&o.Funding, in.Funding)
	setIf(&o.Status, in.Status)
	setIf(&o.Digital, in.Digital)
	setIf(&o.Address, in.Address)
	if l, ok := in.Location.ValueOK(); ok {
		o.Location = geo(l)
	}
	setIf(&o.DistrictID, in.DistrictID)
	setIf(&o.Contact, in.Contact)
	setIf(&o.Visibility, in.Visibility)
	setIf(&o.ConfidentialAddress, in.ConfidentialAddress)
}

func offerFilter(f *model.OfferFilter) (store.OfferFilter, error) {
	if f == nil {
		return store.OfferFilter{}, nil
	}
	langs, err := eitherList("filter.languageCodes", "languages", f.LanguageCodes, f.Languages)
	if err != nil {
		return store.OfferFilter{}, err
	}
	out := store.OfferFilter{
		Text: deref(f.Text), Categories: f.Categories, Needs: f.Needs, TargetGroups: f.TargetGroups,
		Languages: langs, DistrictIDs: f.DistrictIds, OrganisationIDs: f.OrganisationIds,
		Municipality: deref(f.Municipality), Childcare: f.Childcare, FreePlacesOnly: deref(f.FreePlacesOnly),
		Cost: f.Cost, Status: f.Status,
	}
	if f.Near != nil {
		out.Near = &store.Near{Lat: f.Near.Lat, Lon: f.Near.Lon, RadiusKm: f.Near.RadiusKm}
	}
	return out, nil
}

func organisationFilter(f *model.OrganisationFilter) store.OrganisationFilter {
	if f == nil {
		return store.OrganisationFilter{}
	}
	return store.OrganisationFilter{
		Text: deref(f.Text), Kinds: f.Kinds, DistrictIDs: f.DistrictIds, Municipality: deref(f.Municipality),
		WorkingGroupID: deref(f.WorkingGroupID), ParentID: deref(f.ParentID),
	}
}

// setOmittable sets dst when the input field was given, null included.
func setOmittable[T any](dst **T, src graphql.Omittable[*T]) {
	if v, ok := src.ValueOK(); ok {
		*dst = v
	}
}

// cooperationOut is a cooperation the service returned, with both sides loaded.
func cooperationOut(ctx context.Context, c directory.Cooperation) (*model.Cooperation, error) {
	ab, err := LoadersFor(ctx).Organisation.LoadAll(ctx, []string{c.A, c.B})
	if err != nil {
		return nil, err
	}
	status := c.Status
	if status == "" {
		status = directory.CooperationConfirmed
	}
	return &model.Cooperation{A: ab[0], B: ab[1], Since: optString(c.Since), SinceDate: optString(c.Since), Topics: append([]string{}, c.Topics...), Status: status}, nil
}
