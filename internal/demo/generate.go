package demo

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/lotse-kim/lotse/internal/directory"
)

// Options size a generated network.
type Options struct {
	// Seed makes the network reproducible: the same options give the same
	// snapshot, byte for byte.
	Seed int64
	// Scale multiplies the number of local organisations and offers; 1 gives
	// a network of the demo's size, 10 about ten times the offers. 0 means 1.
	Scale int
	// Municipalities is how many NRW municipalities to generate, Solingen and
	// Wuppertal first; 0 means those two. At most MaxMunicipalities.
	Municipalities int
}

// DemoSeed is the seed of Demo().
const DemoSeed int64 = 20261101

// NRWScale is the Scale NRW uses: enough for ≥ 15,000 organisations and
// ≥ 150,000 offers across 54 municipalities.
const NRWScale = 8

// BaseTime is the reference date of every generated network. UpdatedAt values
// lie up to 200 days before it; nothing reads the clock.
var BaseTime = time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)

// Demo is the demonstration network of Solingen and Wuppertal, with the
// tensions and the matching scenario described in the package comment.
func Demo() directory.Snapshot {
	return Generate(Options{Seed: DemoSeed, Scale: 1})
}

// NRW is a network of NRW scale: 54 municipalities.
func NRW(seed int64) directory.Snapshot {
	return Generate(Options{Seed: seed, Scale: NRWScale, Municipalities: MaxMunicipalities})
}

// Generate builds a network. Each municipality is generated from its own
// random stream, so municipalities can be built in parallel and the result
// does not depend on scheduling.
func Generate(opts Options) directory.Snapshot {
	if opts.Scale < 1 {
		opts.Scale = 1
	}
	specs := cities(opts.Municipalities)
	gens := make([]*cityGen, len(specs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, c := range specs {
		gens[i] = newCityGen(c, opts.Seed, opts.Scale)
		wg.Add(1)
		sem <- struct{}{}
		go func(g *cityGen) {
			defer func() { <-sem; wg.Done() }()
			g.run()
		}(gens[i])
	}
	wg.Wait()

	var nd, nw, no, nf, nc, nu int
	for _, g := range gens {
		nd += len(g.districts)
		nw += len(g.groups)
		no += len(g.orgs)
		nf += len(g.offers)
		nc += len(g.coops)
		nu += len(g.unmet)
	}
	s := directory.Snapshot{
		Format:        directory.SnapshotFormat,
		Districts:     make([]directory.District, 0, nd),
		WorkingGroups: make([]directory.WorkingGroup, 0, nw),
		Organisations: make([]directory.Organisation, 0, no),
		Offers:        make([]directory.Offer, 0, nf),
		Cooperations:  make([]directory.Cooperation, 0, nc+3*len(gens)),
		UnmetNeeds:    make([]directory.UnmetNeed, 0, nu),
	}
	for _, g := range gens {
		s.Districts = append(s.Districts, g.districts...)
		s.WorkingGroups = append(s.WorkingGroups, g.groups...)
		s.Organisations = append(s.Organisations, g.orgs...)
		s.Offers = append(s.Offers, g.offers...)
		s.Cooperations = append(s.Cooperations, g.coops...)
		s.UnmetNeeds = append(s.UnmetNeeds, g.unmet...)
	}
	s.Cooperations = append(s.Cooperations, crossCity(gens, opts.Seed)...)
	return s
}

// crossCity links the municipalities: the KIs of neighbouring entries in the
// list work together, and so do the chambers and Jobcenters of Solingen and
// Wuppertal (the Bergisches Städtedreieck).
func crossCity(gens []*cityGen, seed int64) []directory.Cooperation {
	if len(gens) < 2 {
		return nil
	}
	r := rand.New(rand.NewPCG(uint64(seed), 0xC0FFEE))
	var out []directory.Cooperation
	link := func(a, b *cityGen, roleKey string, topics ...string) {
		out = append(out, directory.Cooperation{
			A: a.orgs[a.role[roleKey]].ID, B: b.orgs[b.role[roleKey]].ID,
			Since: date(r, 2014, 2025), Topics: topics,
		}.Normalized())
	}
	for i := range gens {
		for _, j := range []int{i + 1, i + 2} {
			if j < len(gens) && !(i == 0 && j == 1) {
				link(gens[i], gens[j], "ki", "Landesweite Vernetzung der Kommunalen Integrationszentren")
			}
		}
	}
	link(gens[0], gens[1], "ki", "Bergische Kooperation", "Sprachförderung")
	link(gens[0], gens[1], "jobcenter", "Bergische Kooperation", "Arbeitsmarktintegration")
	link(gens[0], gens[1], "ihk", "Anerkennung", "Ausbildung")
	return out
}

// cityGen builds one municipality.
type cityGen struct {
	c       citySpec
	r       *rand.Rand
	scale   int
	factor  float64 // size of the city relative to 250,000 inhabitants
	ds      []districtSpec
	dWeight []float64

	districts []directory.District
	groups    []directory.WorkingGroup
	orgs      []directory.Organisation
	meta      []orgMeta
	offers    []directory.Offer
	coops     []directory.Cooperation
	unmet     []directory.UnmetNeed

	role    map[string]int
	names   map[string]int
	domains map[string]int
	pairs   map[[2]int32]bool
	degree  []int32
	byDist  [][]int32
	desc    map[descKey]string
}

type descKey struct {
	tmpl     string
	district int
}

type orgMeta struct {
	district int
	langs    []string
	isolated bool
	arch     *archetype
	roleKey  string
	contact  string
}

func newCityGen(c citySpec, seed int64, scale int) *cityGen {
	h := fnv.New64a()
	h.Write([]byte(c.Code))
	g := &cityGen{
		c: c, r: rand.New(rand.NewPCG(uint64(seed), h.Sum64())), scale: scale,
		factor: math.Min(4.5, math.Max(0.4, float64(c.Population)/250000)),
		ds:     c.districts(),
		role:   map[string]int{}, names: map[string]int{}, domains: map[string]int{},
		pairs: map[[2]int32]bool{}, desc: map[descKey]string{},
	}
	for _, d := range g.ds {
		g.dWeight = append(g.dWeight, float64(d.Population))
	}
	g.byDist = make([][]int32, len(g.ds))
	orgs := float64(scale)*float64(c.Population)/1000*localOrgRate + float64(len(roles)+len(archetypes))
	g.orgs = make([]directory.Organisation, 0, int(orgs*1.05))
	g.meta = make([]orgMeta, 0, int(orgs*1.05))
	g.offers = make([]directory.Offer, 0, int(orgs*2.6*g.scaleOffers()+40*float64(scale)*g.factor*roleOfferFactor+200))
	return g
}

func (g *cityGen) run() {
	g.buildDistricts()
	g.buildGroups()
	g.buildRoles()
	g.buildLocalOrgs()
	g.buildOffers()
	dz := designs[g.c.Code]
	g.guaranteePassageGroups(dz)
	if dz != nil {
		g.applyDesign(dz)
	} else {
		g.withoutPassage()
	}
	g.buildCooperations()
	g.buildMembership()
	g.buildUnmet(dz)
}

func (g *cityGen) districtID(i int) string { return g.c.Code + "-" + g.ds[i].Slug }

func (g *cityGen) buildDistricts() {
	outlines := boundaries(g.c, g.ds) // fictional, see shapes.go
	for i, d := range g.ds {
		g.districts = append(g.districts, directory.District{
			ID: g.districtID(i), Name: d.Name, Municipality: g.c.Name, Population: d.Population,
			Centre: &directory.GeoPoint{Lat: d.Lat, Lon: d.Lon}, RadiusKm: d.RadiusKm, Boundary: outlines[i],
		})
	}
}

// stamp is a deterministic "last updated" before BaseTime.
func (g *cityGen) stamp() time.Time {
	return BaseTime.Add(-time.Duration(g.r.IntN(200*24*60)) * time.Minute)
}

// pointIn draws a point uniformly from the inner 80 % of district d.
func (g *cityGen) pointIn(d int) directory.GeoPoint {
	ds := g.ds[d]
	km := ds.RadiusKm * 0.8 * 0.97 * math.Sqrt(g.r.Float64())
	return offset(directory.GeoPoint{Lat: ds.Lat, Lon: ds.Lon}, km, g.r.Float64()*360)
}

func (g *cityGen) address(d int) string {
	ds := g.ds[d]
	return ds.Streets[g.r.IntN(len(ds.Streets))] + " " + strconv.Itoa(1+g.r.IntN(140)) + ", " +
		strconv.Itoa(ds.PLZ) + " " + g.c.Name
}

func (g *cityGen) pickDistrict() int { return pickWeighted(g.r, g.dWeight) }

func pickWeighted(r *rand.Rand, w []float64) int {
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	u := r.Float64() * sum
	for i, x := range w {
		if u < x {
			return i
		}
		u -= x
	}
	return len(w) - 1
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// addOrg creates an organisation with contact data of the organisation only.
func (g *cityGen) addOrg(name string, kind directory.OrganisationKind, desc string, d int, domain string, m orgMeta) int {
	if n := g.names[name]; n > 0 {
		g.names[name] = n + 1
		name = fmt.Sprintf("%s (%d)", name, n+1)
	} else {
		g.names[name] = 1
	}
	label := domain
	if len(label) > 48 {
		label = strings.TrimRight(label[:48], "-")
	}
	if n := g.domains[label]; n > 0 {
		g.domains[label] = n + 1
		label = fmt.Sprintf("%s-%d", label, n+1)
	} else {
		g.domains[label] = 1
	}
	loc := g.pointIn(d)
	m.district = d
	i := len(g.orgs)
	g.orgs = append(g.orgs, directory.Organisation{
		ID: fmt.Sprintf("%s-org-%04d", g.c.Code, i+1), Name: name, Kind: kind, Description: desc,
		DistrictID: g.districtID(d), Municipality: g.c.Name, Address: g.address(d), Location: &loc,
		Website: "https://" + label + ".example.org", Email: "kontakt@" + label + ".example.org",
		Phone:     fmt.Sprintf("%s %d %02d %02d", g.c.AreaCode, 200+g.r.IntN(700), g.r.IntN(100), g.r.IntN(100)),
		UpdatedAt: g.stamp(),
	})
	m.contact = g.orgs[i].Email + " · " + g.orgs[i].Phone
	g.meta = append(g.meta, m)
	g.byDist[d] = append(g.byDist[d], int32(i))
	return i
}

func (g *cityGen) buildRoles() {
	for _, rl := range roles {
		d := 0
		if !rl.central {
			d = g.pickDistrict()
		}
		rep := strings.NewReplacer("{c}", g.c.Name)
		i := g.addOrg(rep.Replace(rl.name), rl.kind, rep.Replace(rl.desc), d, rl.domain+"-"+slug(g.c.Name), orgMeta{roleKey: rl.key})
		if rl.parent != "" {
			g.orgs[i].ParentID = g.orgs[g.role[rl.parent]].ID
		}
		g.role[rl.key] = i
	}
}

// roleOfferFactor scales the offers of the city-wide organisations.
const roleOfferFactor = 3.5

// localOrgRate is the number of local organisations per 1,000 inhabitants at Scale 1.
const localOrgRate = 0.3

func (g *cityGen) buildLocalOrgs() {
	weights := make([]float64, len(archetypes))
	for i, a := range archetypes {
		weights[i] = a.weight
	}
	n := int(math.Round(float64(g.scale) * float64(g.c.Population) / 1000 * localOrgRate))
	// Every archetype once, so that every kind exists in every city.
	for i := range archetypes {
		g.addLocalOrg(&archetypes[i])
		n--
	}
	for ; n > 0; n-- {
		g.addLocalOrg(&archetypes[pickWeighted(g.r, weights)])
	}
}

func (g *cityGen) addLocalOrg(a *archetype) {
	d := g.pickDistrict()
	k := g.r.IntN(len(a.names))
	name := a.names[k]
	name = g.expand(name, d)
	var langs []string
	if len(a.langs) > 0 {
		if a.perName {
			langs = a.langs[k : k+1]
		} else {
			langs = a.langs
		}
	}
	m := orgMeta{langs: langs, isolated: g.r.Float64() < a.isolated, arch: a}
	i := g.addOrg(name, a.kind, a.desc, d, g.domainFor(name), m)
	if a.kind == directory.KindWelfareAssociation {
		parent := []string{"awo", "caritas", "diakonie", "drk"}[min(k, 3)]
		g.orgs[i].ParentID = g.orgs[g.role[parent]].ID
	}
}

// domainFor makes a readable host name under example.org from a name.
func (g *cityGen) domainFor(name string) string {
	d := slug(name)
	if len(d) > 40 {
		if i := strings.LastIndexByte(d[:40], '-'); i > 0 {
			d = d[:i]
		} else {
			d = d[:40]
		}
	}
	if c := slug(g.c.Name); !strings.Contains(d, c) {
		d += "-" + c
	}
	return d
}

// short is the first part of a district name: "Ohligs" for
// "Ohligs/Aufderhöhe/Merscheid".
func (g *cityGen) short(d int) string {
	n, _, _ := strings.Cut(g.ds[d].Name, "/")
	return n
}

// expand fills the placeholders of an archetype's name.
func (g *cityGen) expand(name string, d int) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(name, '{')
		if i < 0 {
			b.WriteString(name)
			return b.String()
		}
		j := strings.IndexByte(name[i:], '}') + i
		b.WriteString(name[:i])
		switch name[i+1 : j] {
		case "d":
			b.WriteString(g.short(d))
		case "c":
			b.WriteString(g.c.Name)
		case "n":
			b.WriteString(pick(g.r, fictionalNames))
		case "s":
			b.WriteString(pick(g.r, saints))
		case "y":
			b.WriteString(strconv.Itoa(1890 + g.r.IntN(110)))
		case "st":
			b.WriteString(pick(g.r, g.ds[d].Streets))
		}
		name = name[j+1:]
	}
}

// scaleOffers multiplies the offers of local organisations with the scale.
func (g *cityGen) scaleOffers() float64 { return 1 + 0.2*float64(g.scale-1) }

func (g *cityGen) buildOffers() {
	for _, rl := range roles {
		org := g.role[rl.key]
		for _, key := range rl.mandatory {
			g.addOffer(org, key, -1)
		}
		extra := int(math.Round(rl.perScale * roleOfferFactor * float64(g.scale) * g.factor))
		for ; extra > 0; extra-- {
			g.addOffer(org, pick(g.r, rl.extras), -1)
		}
	}
	m := g.scaleOffers()
	for i := range g.orgs {
		a := g.meta[i].arch
		if a == nil {
			continue
		}
		n := int(math.Round(float64(a.min+g.r.IntN(a.max-a.min+1)) * m))
		for j := 0; j < n; j++ {
			key := a.offers[g.r.IntN(len(a.offers))]
			if j == 0 {
				key = a.offers[0]
			}
			g.addOffer(i, key, -1)
		}
	}
}

// addOffer draws an offer of template key for organisation org. district is
// where it takes place, or -1 to let the provider decide.
func (g *cityGen) addOffer(org int, key string, district int) *directory.Offer {
	t, ok := templates[key]
	if !ok {
		panic("demo: unknown offer template " + key)
	}
	r := g.r
	o := &g.orgs[org]
	m := &g.meta[org]
	off := directory.Offer{
		ID: fmt.Sprintf("%s-off-%04d", g.c.Code, len(g.offers)+1), ProviderID: o.ID,
		Category: t.cat, CourseType: t.course, Cost: t.cost,
		Needs: slices.Clone(t.needs), TargetGroups: slices.Clone(t.groups), LegalCircuits: slices.Clone(t.circuits),
		Childcare: r.Float64() < t.childcare, Schedule: pick(r, t.sched),
		Contact: m.contact,
	}
	if t.cost == directory.CostReduced && r.Float64() < 0.1 {
		off.Cost = directory.CostFree
	}
	district = g.placeOffer(&off, t, o, m, district)
	if !off.Digital {
		off.DistrictID = g.districtID(district)
	}
	off.Languages = g.languages(t, m)
	off.Title = t.title
	if !off.Digital && r.Float64() < 0.5 {
		off.Title += " – " + g.short(district)
	} else if off.Digital && r.Float64() < 0.7 {
		off.Title += " (online)"
	}
	off.Description = g.describe(key, t, &off, district)

	sizeOffer(r, &off, t)
	setStatusAndFunding(r, &off, t)
	off.UpdatedAt = g.stamp()
	g.offers = append(g.offers, off)
	return &g.offers[len(g.offers)-1]
}

// placeOffer gives an offer of organisation o its place (digital, at the
// organisation, or elsewhere in a district) and returns the district
// (-1: none). Local organisations mostly work at home; city-wide ones across
// the city.
func (g *cityGen) placeOffer(off *directory.Offer, t tmpl, o *directory.Organisation, m *orgMeta, district int) int {
	r := g.r
	atHome := 0.4
	if m.arch != nil {
		atHome = 0.85
	}
	switch {
	case district < 0 && r.Float64() < t.digital:
		off.Digital = true
		off.Schedule = "online, " + off.Schedule
	case district < 0 && r.Float64() < atHome:
		district = m.district
		loc := *o.Location
		off.Location, off.Address = &loc, o.Address
	default:
		if district < 0 {
			district = g.pickDistrict()
		}
		loc := g.pointIn(district)
		off.Location, off.Address = &loc, g.address(district)
	}
	return district
}

// sizeOffer draws an offer's capacity, free places and age range.
func sizeOffer(r *rand.Rand, o *directory.Offer, t tmpl) {
	ints := make([]int, 4) // one allocation for capacity, free places and ages
	if t.capMax > 0 {
		ints[0] = t.capMin + r.IntN(t.capMax-t.capMin+1)
		if r.Float64() >= 0.18 {
			ints[1] = 1 + r.IntN(ints[0]/2+1)
		}
		o.Capacity, o.FreePlaces = &ints[0], &ints[1]
	}
	if t.ageMin >= 0 {
		ints[2] = t.ageMin
		o.AgeMin = &ints[2]
	}
	if t.ageMax >= 0 {
		ints[3] = t.ageMax
		o.AgeMax = &ints[3]
	}
}

// setStatusAndFunding draws an offer's status, then its funding to fit.
func setStatusAndFunding(r *rand.Rand, o *directory.Offer, t tmpl) {
	switch u := r.Float64(); {
	case u < 0.86:
		o.Status = directory.StatusActive
	case u < 0.92:
		o.Status = directory.StatusPlanned
	case u < 0.96:
		o.Status = directory.StatusPaused
	default:
		o.Status = directory.StatusEnded
	}
	u := r.Float64()
	switch {
	case t.cat == directory.CategoryIntegrationCourse:
		o.Funding = directory.FundingFunded // by the BAMF
	case t.cat == directory.CategoryPassageGroup && (o.Status == directory.StatusPlanned || o.Status == directory.StatusPaused):
		// A Passagegruppe that does not run usually waits for its money.
		o.Funding = []directory.Funding{directory.FundingApplied, directory.FundingUnfunded, directory.FundingFunded}[min(int(u*3.3), 2)]
	case t.volunteer:
		o.Funding = directory.FundingUnfunded
		if u < 0.3 {
			o.Funding = directory.FundingFunded
		} else if u < 0.45 {
			o.Funding = directory.FundingApplied
		}
	default:
		o.Funding = directory.FundingFunded
		if u > 0.95 {
			o.Funding = directory.FundingUnfunded
		} else if u > 0.85 {
			o.Funding = directory.FundingApplied
		}
	}
}

// languages: German first, then the provider's own languages, then a mix
// weighted by the size of the communities.
func (g *cityGen) languages(t tmpl, m *orgMeta) []string {
	r := g.r
	k := int(t.langs)
	if r.Float64() < t.langs-float64(k) {
		k++
	}
	out := make([]string, 1, 1+k+len(m.langs))
	out[0] = "de"
	for i, l := range m.langs {
		if (i == 0 && r.Float64() < 0.85) || r.Float64() < 0.4 {
			out = append(out, l)
			k--
		}
	}
	for tries := 0; k > 0 && tries < 10; tries++ {
		l := cityLanguages[pickWeighted(r, cityLanguageWeights)].code
		if !slices.Contains(out, l) {
			out = append(out, l)
			k--
		}
	}
	return out
}

var cityLanguageWeights = func() []float64 {
	w := make([]float64, len(cityLanguages))
	for i, cl := range cityLanguages {
		w[i] = cl.weight
	}
	return w
}()

// describe builds the description from the template, with a sentence on
// the languages and on childcare. The common part is shared between offers.
func (g *cityGen) describe(key string, t tmpl, o *directory.Offer, district int) string {
	base := t.desc
	if !o.Digital {
		ck := descKey{key, district}
		if s, ok := g.desc[ck]; ok {
			base = s
		} else {
			base = t.desc + " Angebot im Stadtbezirk " + g.ds[district].Name + "."
			g.desc[ck] = base
		}
	}
	var extra []string
	for _, l := range o.Languages[1:] {
		extra = append(extra, directory.LanguageName(l))
	}
	var b strings.Builder
	b.WriteString(base)
	if len(extra) > 0 {
		b.WriteString(" Auch auf ")
		for i, e := range extra {
			switch {
			case i == 0:
			case i == len(extra)-1:
				b.WriteString(" und ")
			default:
				b.WriteString(", ")
			}
			b.WriteString(e)
		}
		b.WriteString(".")
	} else {
		b.WriteString(" Das Angebot findet auf Deutsch statt.")
	}
	if o.Childcare && t.cat != directory.CategoryChildcare && t.cat != directory.CategoryPassageGroup {
		b.WriteString(" Kinderbetreuung während des Angebots.")
	}
	return b.String()
}

func (g *cityGen) districtIndex(id string) int {
	return g.districtIndexBySlug(strings.TrimPrefix(id, g.c.Code+"-"))
}

// guaranteePassageGroups gives every district a running Passagegruppe,
// except those the design leaves without one. Outside the demo cities a
// fifth of the districts are left to chance.
func (g *cityGen) guaranteePassageGroups(dz *design) {
	has := make([]bool, len(g.ds))
	for _, o := range g.offers {
		if o.Category == directory.CategoryPassageGroup && o.Status == directory.StatusActive && o.DistrictID != "" {
			has[g.districtIndex(o.DistrictID)] = true
		}
	}
	for d := range g.ds {
		if has[d] || (dz != nil && slices.Contains(dz.noPassage, g.ds[d].Slug)) || (dz == nil && g.r.Float64() < 0.2) {
			continue
		}
		provider := -1
		for _, i := range g.byDist[d] {
			if a := g.meta[i].arch; a != nil && slices.Contains(a.offers, "passagegruppe") {
				provider = int(i)
				break
			}
		}
		if provider < 0 {
			provider = g.role[pick(g.r, []string{"awo", "caritas", "diakonie", "drk"})]
		}
		o := g.addOffer(provider, pick(g.r, []string{"passagegruppe", "spielgruppe"}), d)
		o.Status, o.Funding = directory.StatusActive, directory.FundingFunded
	}
}

// withoutPassage: outside the demo cities about one district in eight,
// chosen by name, has no running Passagegruppe; what exists there waits for
// its funding.
func (g *cityGen) withoutPassage() {
	none := make([]bool, len(g.ds))
	for d, ds := range g.ds {
		none[d] = hashUnit(g.c.Code+"/passage/"+ds.Slug) < 0.12
	}
	for i := range g.offers {
		o := &g.offers[i]
		if o.Category == directory.CategoryPassageGroup && o.Status == directory.StatusActive && o.DistrictID != "" &&
			none[g.districtIndex(o.DistrictID)] {
			o.Status, o.Funding = directory.StatusPlanned, directory.FundingApplied
		}
	}
}

func date(r *rand.Rand, from, to int) string {
	y := from + r.IntN(to-from+1)
	return fmt.Sprintf("%04d-%02d-%02d", y, 1+r.IntN(12), 1+r.IntN(28))
}

// coopTopicsByKind says what each kind of organisation works together on.
var coopTopicsByKind = map[directory.OrganisationKind][]int{
	directory.KindCityService: {9, 4, 0}, directory.KindJobcenter: {1, 9}, directory.KindEmploymentAgency: {1},
	directory.KindImmigrationOffice: {3, 9}, directory.KindIntegrationCentre: {8, 0, 10, 11},
	directory.KindYouthWelfareOffice: {2, 6}, directory.KindWelfareAssociation: {0, 4, 5, 2, 3},
	directory.KindMigrantOrganisation: {10, 7, 11}, directory.KindMosque: {7, 10}, directory.KindChurch: {7, 0},
	directory.KindSportsClub: {6, 7}, directory.KindCulturalAssociation: {7, 6}, directory.KindEducationProvider: {0, 8, 1},
	directory.KindChamber: {1}, directory.KindOther: {7, 4, 5},
}

func (g *cityGen) link(a, b int) {
	if a == b || g.meta[a].isolated || g.meta[b].isolated {
		return
	}
	k := [2]int32{int32(min(a, b)), int32(max(a, b))}
	if g.pairs[k] {
		return
	}
	g.pairs[k] = true
	g.degree[a]++
	g.degree[b]++
	ta := coopTopicsByKind[g.orgs[a].Kind]
	tb := coopTopicsByKind[g.orgs[b].Kind]
	topics := []string{coopTopics[pick(g.r, ta)]}
	if t := coopTopics[pick(g.r, tb)]; t != topics[0] && g.r.Float64() < 0.6 {
		topics = append(topics, t)
	}
	g.coops = append(g.coops, directory.Cooperation{
		A: g.orgs[a].ID, B: g.orgs[b].ID, Since: date(g.r, 2012, 2025), Topics: topics,
	}.Normalized())
}

func (g *cityGen) buildCooperations() {
	g.degree = make([]int32, len(g.orgs))
	R := func(k string) int { return g.role[k] }
	core := []string{"city-integration", "city-social", "city-youth", "jobcenter", "agency", "immigration", "ki",
		"youth-office", "awo", "caritas", "diakonie", "paritaet", "drk", "ib", "vhs"}
	welfare := map[string]bool{"awo": true, "caritas": true, "diakonie": true, "paritaet": true, "drk": true, "ib": true}
	for i, a := range core {
		for _, b := range core[i+1:] {
			if (welfare[a] && welfare[b]) || g.r.Float64() < 0.7 {
				g.link(R(a), R(b))
			}
		}
	}
	for _, u := range []string{"mbe-awo", "mbe-caritas", "mbe-diakonie", "jmd"} {
		for _, p := range []string{"immigration", "jobcenter", "ki", "city-integration", "agency"} {
			if g.r.Float64() < 0.85 {
				g.link(R(u), R(p))
			}
		}
	}
	for _, u := range []string{"ihk", "hwk"} {
		for _, p := range []string{"jobcenter", "agency", "ki", "ib", "vhs", "city-integration"} {
			if g.r.Float64() < 0.8 {
				g.link(R(u), R(p))
			}
		}
	}
	for _, p := range []string{"youth-office", "ki", "paritaet", "city-social"} {
		g.link(R("health"), R(p))
	}
	// Hubs: the KI and the Jobcenter know much of the city.
	for i := range g.orgs {
		a := g.meta[i].arch
		if a == nil {
			continue
		}
		pKI, pJC, pCity := 0.5, 0.2, 0.15
		switch a.kind {
		case directory.KindMigrantOrganisation, directory.KindMosque:
			pKI = 0.7
		case directory.KindEducationProvider, directory.KindWelfareAssociation, directory.KindChamber:
			pJC = 0.6
		case directory.KindOther:
			pJC, pCity = 0.3, 0.3
		}
		if g.r.Float64() < pKI {
			g.link(i, R("ki"))
		}
		if g.r.Float64() < pJC {
			g.link(i, R("jobcenter"))
		}
		if g.r.Float64() < pCity {
			g.link(i, R("city-integration"))
		}
		if g.orgs[i].ParentID != "" {
			g.link(i, R("city-social"))
		}
		// Neighbours in the same district.
		local := g.byDist[g.meta[i].district]
		for n := g.r.IntN(4); n > 0; n-- {
			g.link(i, int(pick(g.r, local)))
		}
		if g.r.Float64() < 0.5 {
			g.link(i, R(pick(g.r, []string{"awo", "caritas", "diakonie", "paritaet", "drk"})))
		}
	}
	for i := range g.orgs {
		if g.degree[i] == 0 && !g.meta[i].isolated {
			g.link(i, R("ki"))
		}
	}
}

// workingGroup: who joins, by role and by kind.
type workingGroup struct {
	key, name, desc string
	roles           []string
	kinds           map[directory.OrganisationKind]float64
}

var workingGroups = []workingGroup{
	{"sprache", "AG Sprache", "Abstimmung der Sprachkursangebote, Kursplanung und Kinderbetreuung in {c}.",
		[]string{"vhs", "ki", "ib", "caritas", "jobcenter", "agency", "city-integration"},
		map[directory.OrganisationKind]float64{directory.KindEducationProvider: 0.6, directory.KindMigrantOrganisation: 0.15, directory.KindChurch: 0.1}},
	{"fruehe-hilfen", "Netzwerk Frühe Hilfen", "Netzwerk nach dem Bundeskinderschutzgesetz: Hilfen für Familien mit Kindern bis drei Jahre.",
		[]string{"youth-office", "city-youth", "health", "awo", "caritas", "diakonie", "drk", "paritaet", "ki"},
		map[directory.OrganisationKind]float64{directory.KindOther: 0.4, directory.KindChurch: 0.15, directory.KindWelfareAssociation: 0.5}},
	{"flucht", "AK Flucht und Migration", "Arbeitskreis der Träger der Flüchtlings- und Migrationsarbeit in {c}.",
		[]string{"city-integration", "city-social", "immigration", "ki", "mbe-awo", "mbe-caritas", "mbe-diakonie", "jmd", "diakonie", "caritas", "paritaet", "drk"},
		map[directory.OrganisationKind]float64{directory.KindMigrantOrganisation: 0.35, directory.KindMosque: 0.25, directory.KindChurch: 0.25, directory.KindOther: 0.15}},
	{"arbeit", "AG Arbeitsmarktintegration", "Jobcenter, Agentur, Kammern und Träger stimmen Förderketten von Sprache bis Arbeit ab.",
		[]string{"jobcenter", "agency", "ihk", "hwk", "ib", "vhs", "ki", "city-integration"},
		map[directory.OrganisationKind]float64{directory.KindEducationProvider: 0.2, directory.KindChamber: 1}},
	{"wohnen", "Runder Tisch Wohnen", "Wohnraum für Geflüchtete und Familien mit geringem Einkommen.",
		[]string{"city-social", "diakonie", "caritas", "awo", "city-integration"},
		map[directory.OrganisationKind]float64{directory.KindOther: 0.2}},
	{"mo", "Forum Migrantenorganisationen", "Austausch und Beteiligung der Migrantenselbstorganisationen, begleitet vom Kommunalen Integrationszentrum.",
		[]string{"ki", "city-integration", "paritaet"},
		map[directory.OrganisationKind]float64{directory.KindMigrantOrganisation: 0.55, directory.KindMosque: 0.4, directory.KindCulturalAssociation: 0.3}},
}

func (g *cityGen) buildGroups() {
	for _, w := range workingGroups {
		g.groups = append(g.groups, directory.WorkingGroup{
			ID: g.c.Code + "-wg-" + w.key, Name: w.name + " " + g.c.Name, Municipality: g.c.Name,
			Description: strings.ReplaceAll(w.desc, "{c}", g.c.Name),
		})
	}
	for d, ds := range g.ds {
		g.groups = append(g.groups, directory.WorkingGroup{
			ID: g.c.Code + "-wg-stk-" + ds.Slug, Name: "Stadtteilkonferenz " + ds.Name, Municipality: g.c.Name,
			Description: "Träger, Schulen, Kitas und Vereine im Stadtbezirk " + ds.Name + " treffen sich viermal im Jahr.",
		})
		_ = d
	}
}

func (g *cityGen) buildMembership() {
	for wi, w := range workingGroups {
		id := g.groups[wi].ID
		for _, k := range w.roles {
			i := g.role[k]
			g.orgs[i].WorkingGroupIDs = append(g.orgs[i].WorkingGroupIDs, id)
		}
		for i := range g.orgs {
			if g.meta[i].arch == nil || g.meta[i].isolated {
				continue
			}
			if g.r.Float64() < w.kinds[g.orgs[i].Kind] {
				g.orgs[i].WorkingGroupIDs = append(g.orgs[i].WorkingGroupIDs, id)
			}
		}
	}
	for i := range g.orgs {
		if g.meta[i].isolated {
			continue
		}
		p := 0.3
		if g.meta[i].arch == nil {
			p = 0.15
		}
		if g.r.Float64() < p {
			d := g.meta[i].district
			g.orgs[i].WorkingGroupIDs = append(g.orgs[i].WorkingGroupIDs, g.groups[len(workingGroups)+d].ID)
		}
	}
}

// unmetLanguages are the languages case management most often misses.
var unmetLanguages = []string{"", "", "ar", "ar", "ti", "fa", "ps", "uk", "tr", "ku", "so", "bg", "ro"}

func (g *cityGen) buildUnmet(dz *design) {
	if dz != nil {
		for _, u := range dz.unmet {
			g.unmet = append(g.unmet, directory.UnmetNeed{
				ID: fmt.Sprintf("%s-un-%04d", g.c.Code, len(g.unmet)+1), Need: u.need, DistrictID: g.c.Code + "-" + u.district,
				Language: u.lang, TargetGroup: u.group, RecordedOn: u.on,
			})
		}
	}
	n := int(math.Round(float64(len(g.ds)) * 0.8 * math.Sqrt(float64(g.scale))))
	for ; n > 0; n-- {
		g.unmet = append(g.unmet, directory.UnmetNeed{
			ID: fmt.Sprintf("%s-un-%04d", g.c.Code, len(g.unmet)+1), Need: pick(g.r, directory.NeedAreas),
			DistrictID: g.districtID(g.pickDistrict()), Language: pick(g.r, unmetLanguages),
			TargetGroup: pick(g.r, directory.TargetGroups), RecordedOn: fmt.Sprintf("2026-%02d-%02d", 1+g.r.IntN(10), 1+g.r.IntN(28)),
		})
	}
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func atof(s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic("demo: bad number " + s)
	}
	return f
}
