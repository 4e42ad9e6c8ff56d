package matching

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

func noChildcareSearch(t *testing.T) func(directory.Offer) []store.OfferHit {
	return func(course directory.Offer) []store.OfferHit {
		t.Fatalf("childcare searched for %q though none is needed", course.ID)
		return nil
	}
}

func TestPlan(t *testing.T) {
	jobcenter := counselling("jc-arbeit", work)
	withCare := with(course("kurs-mit-betreuung"), func(o *directory.Offer) { o.Childcare = true })
	passage := offer("passage", directory.CategoryPassageGroup, family)
	twoNeeds := func(needs ...directory.NeedArea) Client {
		c := mother()
		c.Needs = needs
		c.NeedsChildcare = false
		return c
	}
	tests := []struct {
		name      string
		client    Client
		hits      []store.OfferHit
		want      []string
		covered   []directory.NeedArea
		uncovered []directory.NeedArea
	}{
		{
			name:   "the mother: course with childcare and the Jobcenter cover all three needs",
			client: mother(),
			hits: []store.OfferHit{
				km(course("kurs-ohne"), 0.5), km(withCare, 1), km(passage, 0.8), km(jobcenter, 2),
				km(counselling("mbe", work, auth), 3),
			},
			want:      []string{"kurs-mit-betreuung", "jc-arbeit"},
			covered:   []directory.NeedArea{lang, family, work},
			uncovered: []directory.NeedArea{},
		},
		{
			name:   "one offer for two needs beats two offers for one each",
			client: twoNeeds(resid, auth, work),
			hits: []store.OfferHit{
				km(counselling("a-resid", resid), 1), km(counselling("b-auth", auth), 1),
				km(counselling("c-resid-auth", resid, auth), 3), km(counselling("d-work", work), 1),
			},
			want:      []string{"c-resid-auth", "d-work"},
			covered:   []directory.NeedArea{resid, auth, work},
			uncovered: []directory.NeedArea{},
		},
		{
			name:   "an offer made redundant by later choices is dropped",
			client: twoNeeds(resid, auth, work, housing),
			hits: []store.OfferHit{
				// a is the best offer for two needs and is chosen first; b and
				// c then each add one need and together cover a's as well.
				km(with(counselling("a-auth-work", auth, work), func(o *directory.Offer) {
					o.Languages, o.FreePlaces = []string{"ar"}, ptr(5)
					o.TargetGroups = []directory.TargetGroup{directory.GroupWomen}
				}), 0),
				km(counselling("b-resid-auth", resid, auth), 1),
				km(counselling("c-work-housing", work, housing), 1),
			},
			want:      []string{"b-resid-auth", "c-work-housing"},
			covered:   []directory.NeedArea{resid, auth, work, housing},
			uncovered: []directory.NeedArea{},
		},
		{
			name:   "uncovered needs are reported honestly",
			client: twoNeeds(lang, housing, work),
			hits: []store.OfferHit{
				km(course("kurs"), 1), km(jobcenter, 1),
				km(with(counselling("wohnen-pausiert", housing), func(o *directory.Offer) { o.Status = directory.StatusPaused }), 1),
				km(with(counselling("wohnen-nur-jugend", housing), func(o *directory.Offer) {
					o.TargetGroups = []directory.TargetGroup{directory.GroupYouth}
				}), 1),
			},
			want:      []string{"kurs", "jc-arbeit"},
			covered:   []directory.NeedArea{lang, work},
			uncovered: []directory.NeedArea{housing},
		},
		{
			name:      "nothing fits",
			client:    twoNeeds(housing),
			hits:      []store.OfferHit{km(jobcenter, 1)},
			want:      []string{},
			covered:   []directory.NeedArea{},
			uncovered: []directory.NeedArea{housing},
		},
		{
			name:   "the plan stays close together",
			client: twoNeeds(lang, work),
			hits: []store.OfferHit{
				at(course("kurs"), east(0, 2)),
				// Both 2.2 km from the client; by id the far one would win.
				at(counselling("a-west", work), east(0, -2.2)),
				at(counselling("b-east", work), east(0, 2.2)),
			},
			want:      []string{"kurs", "b-east"},
			covered:   []directory.NeedArea{lang, work},
			uncovered: []directory.NeedArea{},
		},
		{
			name:      "repeated needs count once",
			client:    twoNeeds(work, work, lang),
			hits:      []store.OfferHit{km(course("kurs"), 1), km(jobcenter, 1)},
			want:      []string{"kurs", "jc-arbeit"},
			covered:   []directory.NeedArea{work, lang},
			uncovered: []directory.NeedArea{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Plan(tt.client, tt.hits, noChildcareSearch(t))
			if got := ids(p.Items); !reflect.DeepEqual(got, tt.want) {
				for _, m := range Rank(tt.client, tt.hits, -1) {
					t.Logf("%s %.4f %v", m.Offer.ID, m.Score, m.MatchedNeeds)
				}
				t.Fatalf("plan = %v, want %v", got, tt.want)
			}
			if !reflect.DeepEqual(p.CoveredNeeds, tt.covered) || !reflect.DeepEqual(p.UncoveredNeeds, tt.uncovered) {
				t.Fatalf("covered %v uncovered %v, want %v and %v", p.CoveredNeeds, p.UncoveredNeeds, tt.covered, tt.uncovered)
			}
			if n := len(tt.client.needs()) + 1; len(p.Items) > n {
				t.Fatalf("%d items, at most %d allowed", len(p.Items), n)
			}
			rev := append([]store.OfferHit(nil), tt.hits...)
			for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
				rev[i], rev[j] = rev[j], rev[i]
			}
			if again := Plan(tt.client, rev, noChildcareSearch(t)); !reflect.DeepEqual(again, p) {
				t.Fatalf("plan depends on input order: %v vs %v", ids(again.Items), ids(p.Items))
			}
		})
	}
}

func TestPlanAddsChildcareNearCourse(t *testing.T) {
	c := mother()
	c.Needs = []directory.NeedArea{lang, work}
	kursAt := north(1)
	kurs := with(course("kurs"), func(o *directory.Offer) { o.Title = "Integrationskurs Ohligs" })
	hits := []store.OfferHit{at(kurs, kursAt), km(counselling("jc-arbeit", work), 1.5)}
	near := func(o directory.Offer, nkm, ekm float64) store.OfferHit {
		p := east(1+nkm, ekm)
		o.Location = &p
		d := directory.DistanceKm(kursAt, p) // ChildcareFilter measures from the course
		return store.OfferHit{Offer: o, DistanceKm: &d}
	}
	var asked []string
	search := func(found ...store.OfferHit) func(directory.Offer) []store.OfferHit {
		return func(course directory.Offer) []store.OfferHit {
			asked = append(asked, course.ID)
			if !reflect.DeepEqual(ChildcareFilter(*course.Location, c).Near,
				&store.Near{Lat: kursAt.Lat, Lon: kursAt.Lon, RadiusKm: ChildcareRadiusKm}) {
				t.Fatalf("childcare not searched around the course")
			}
			return found
		}
	}
	full := with(offer("a-passage-voll", directory.CategoryPassageGroup, family), func(o *directory.Offer) { o.FreePlaces, o.Capacity = ptr(0), ptr(8) })
	kita := offer("b-kita", directory.CategoryChildcare, family)
	passage := offer("c-passage", directory.CategoryPassageGroup, family)
	paused := with(offer("0-paused", directory.CategoryPassageGroup, family), func(o *directory.Offer) { o.Status = directory.StatusPaused })
	cafe := with(offer("0-cafe", directory.CategoryMeetingPlace, family), func(o *directory.Offer) { o.Childcare = true })

	tests := []struct {
		name  string
		found []store.OfferHit
		want  []string
		near  string
		warn  bool
	}{
		{
			name:  "nearest with free places, after the course",
			found: []store.OfferHit{near(full, 0, 0.1), near(kita, 1.8, 0), near(passage, 0, 0.3), near(paused, 0, 0.05), near(cafe, 0, 0.05)},
			want:  []string{"kurs", "c-passage", "jc-arbeit"},
			near:  "Kinderbetreuung 300 m vom Kurs „Integrationskurs Ohligs“ entfernt",
		},
		{
			name:  "a full one only when nothing else is near",
			found: []store.OfferHit{near(full, 0, 0.1), near(kita, 2.5, 0)},
			want:  []string{"kurs", "a-passage-voll", "jc-arbeit"},
			near:  "Kinderbetreuung 100 m vom Kurs „Integrationskurs Ohligs“ entfernt",
		},
		{
			name:  "none within 2 km: the course says so",
			found: []store.OfferHit{near(kita, 2.5, 0)},
			want:  []string{"kurs", "jc-arbeit"},
			warn:  true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			asked = nil
			p := Plan(c, hits, search(tt.found...))
			if !reflect.DeepEqual(asked, []string{"kurs"}) {
				t.Fatalf("childcare searched for %v, want [kurs]", asked)
			}
			if got := ids(p.Items); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("plan = %v, want %v", got, tt.want)
			}
			if tt.near != "" && p.Items[1].Reasons[0] != (Reason{ReasonNearCourse, tt.near}) {
				t.Fatalf("reason = %v, want %q", p.Items[1].Reasons[0], tt.near)
			}
			gotWarn := false
			for _, w := range p.Items[0].Warnings {
				gotWarn = gotWarn || w.Code == WarnNoChildcareNearby
			}
			if gotWarn != tt.warn {
				t.Fatalf("course warnings = %v", p.Items[0].Warnings)
			}
			if !reflect.DeepEqual(p.UncoveredNeeds, []directory.NeedArea{}) {
				t.Fatalf("uncovered = %v", p.UncoveredNeeds)
			}
		})
	}
}

func TestPlanChildcareReplacesFarChildcare(t *testing.T) {
	// The mother's three needs; the only course has no childcare, the only
	// Passagegruppe among the candidates is on the other side of town.
	c := mother()
	hits := []store.OfferHit{
		km(course("kurs"), 1),
		km(offer("passage-fern", directory.CategoryPassageGroup, family), -3),
		km(counselling("jc-arbeit", work), 1.5),
	}
	kita := offer("kita-am-kurs", directory.CategoryChildcare, family)
	p := north(1.3)
	kita.Location = &p
	plan := Plan(c, hits, func(directory.Offer) []store.OfferHit {
		return []store.OfferHit{{Offer: kita, DistanceKm: ptr(0.3)}}
	})
	if got := ids(plan.Items); !reflect.DeepEqual(got, []string{"kurs", "kita-am-kurs", "jc-arbeit"}) {
		t.Fatalf("plan = %v", got)
	}
	if !reflect.DeepEqual(plan.CoveredNeeds, []directory.NeedArea{lang, family, work}) {
		t.Fatalf("covered = %v", plan.CoveredNeeds)
	}
	if d := plan.Items[1].DistanceKm; d == nil || *d < 1.29 || *d > 1.31 {
		t.Fatalf("childcare distance from the client = %v, want 1.3", d)
	}
}

func TestPlanNoChildcareSearch(t *testing.T) {
	nearPassage := mother()
	tests := []struct {
		name   string
		client Client
		hits   []store.OfferHit
	}{
		{"course has childcare", nearPassage, []store.OfferHit{km(with(course("kurs"), func(o *directory.Offer) { o.Childcare = true }), 1)}},
		{"Passagegruppe in the plan near the course", nearPassage, []store.OfferHit{
			km(course("kurs"), 1), km(offer("passage", directory.CategoryPassageGroup, family), 1.5), km(counselling("jc", work), 1),
		}},
		{"childcare not needed", func() Client { c := mother(); c.NeedsChildcare = false; return c }(), []store.OfferHit{km(course("kurs"), 1)}},
		{"digital course", nearPassage, []store.OfferHit{{Offer: with(course("kurs"), func(o *directory.Offer) { o.Digital = true })}}},
		{"no course", nearPassage, []store.OfferHit{km(counselling("jc", work), 1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			Plan(tt.client, tt.hits, noChildcareSearch(t))
		})
	}
	// childcare may be nil.
	Plan(mother(), []store.OfferHit{km(course("kurs"), 1)}, nil)
}

func TestUnmetNeeds(t *testing.T) {
	c := mother()
	plan := CarePlan{CoveredNeeds: []directory.NeedArea{lang}, UncoveredNeeds: []directory.NeedArea{family, work}}
	n := 0
	got := UnmetNeeds(c, plan, "sg-ohligs", "2025-03-01", func() string { n++; return fmt.Sprintf("un-%d", n) })
	want := []directory.UnmetNeed{
		{ID: "un-1", Need: family, DistrictID: "sg-ohligs", Language: "ar", TargetGroup: directory.GroupWomen, RecordedOn: "2025-03-01"},
		{ID: "un-2", Need: work, DistrictID: "sg-ohligs", Language: "ar", TargetGroup: directory.GroupWomen, RecordedOn: "2025-03-01"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("UnmetNeeds = %+v\nwant %+v", got, want)
	}
	for _, u := range got {
		if err := u.Validate(); err != nil {
			t.Fatal(err)
		}
	}
	bare := Client{Needs: []directory.NeedArea{housing}, TargetGroups: []directory.TargetGroup{directory.GroupAll, directory.GroupRefugees}}
	got = UnmetNeeds(bare, CarePlan{UncoveredNeeds: []directory.NeedArea{housing}}, "d", "2025-03-01", func() string { return "x" })
	if len(got) != 1 || got[0].Language != "" || got[0].TargetGroup != directory.GroupRefugees {
		t.Fatalf("UnmetNeeds = %+v", got)
	}
	if got := UnmetNeeds(c, CarePlan{}, "d", "2025-03-01", nil); got == nil || len(got) != 0 {
		t.Fatalf("nothing uncovered: %v", got)
	}
}
