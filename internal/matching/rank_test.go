package matching

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

func TestRankOrder(t *testing.T) {
	workOnly := func(c Client) Client { c.Needs = []directory.NeedArea{work}; return c }
	noLang := mother()
	noLang.Languages = nil
	noOrigin := mother()
	noOrigin.Location = nil
	tests := []struct {
		name   string
		client Client
		hits   []store.OfferHit
		want   []string
	}{
		{
			name:   "course with childcare above the same course without",
			client: mother(),
			hits: []store.OfferHit{
				km(course("a-without"), 1),
				km(with(course("b-with"), func(o *directory.Offer) { o.Childcare = true }), 1),
			},
			want: []string{"b-with", "a-without"},
		},
		{
			name:   "course with childcare 1 km away above one without 300 m away",
			client: mother(),
			hits: []store.OfferHit{
				km(course("a-near-without"), 0.3),
				km(with(course("b-with"), func(o *directory.Offer) { o.Childcare = true }), 1),
			},
			want: []string{"b-with", "a-near-without"},
		},
		{
			name:   "Arabic counselling above German-only counselling",
			client: mother(),
			hits: []store.OfferHit{
				km(counselling("a-german", work), 1),
				km(with(counselling("b-arabic", work), func(o *directory.Offer) { o.Languages = []string{"de", "ar"} }), 1),
			},
			want: []string{"b-arabic", "a-german"},
		},
		{
			name:   "Arabic counselling 5 km away above German-only 1 km away",
			client: mother(),
			hits: []store.OfferHit{
				km(counselling("a-german", work), 1),
				km(with(counselling("b-arabic", work), func(o *directory.Offer) { o.Languages = []string{"ar"} }), 5),
			},
			want: []string{"b-arabic", "a-german"},
		},
		{
			name:   "closer above farther, all else equal",
			client: mother(),
			hits:   []store.OfferHit{km(counselling("a-far", work), 6), km(counselling("b-close", work), 2), km(counselling("c-mid", work), 4)},
			want:   []string{"b-close", "c-mid", "a-far"},
		},
		{
			name:   "equal scores ordered by id",
			client: mother(),
			hits:   []store.OfferHit{km(counselling("c", work), 2), km(counselling("a", work), 2), km(counselling("b", work), 2)},
			want:   []string{"a", "b", "c"},
		},
		{
			name:   "two needs covered above one",
			client: mother(),
			hits: []store.OfferHit{
				km(counselling("a-one", work), 1),
				km(counselling("b-two", work, family), 1),
			},
			want: []string{"b-two", "a-one"},
		},
		{
			name:   "free places above unknown above full",
			client: mother(),
			hits: []store.OfferHit{
				km(with(counselling("a-full", work), func(o *directory.Offer) { o.FreePlaces = ptr(0); o.Capacity = ptr(10) }), 1),
				km(counselling("b-unknown", work), 1),
				km(with(counselling("c-free", work), func(o *directory.Offer) { o.FreePlaces = ptr(3) }), 1),
			},
			want: []string{"c-free", "b-unknown", "a-full"},
		},
		{
			name:   "offer for one of the client's groups above an offer for all",
			client: mother(),
			hits: []store.OfferHit{
				km(counselling("a-all", work), 1),
				km(with(counselling("b-women", work), func(o *directory.Offer) { o.TargetGroups = []directory.TargetGroup{directory.GroupWomen} }), 1),
			},
			want: []string{"b-women", "a-all"},
		},
		{
			name:   "childcare offer above counselling without childcare for the same need",
			client: mother(),
			hits: []store.OfferHit{
				km(counselling("a-family-counselling", family), 1),
				km(offer("b-passage", directory.CategoryPassageGroup, family), 1),
			},
			want: []string{"b-passage", "a-family-counselling"},
		},
		{
			name:   "digital offer counts as near",
			client: workOnly(mother()),
			hits: []store.OfferHit{
				km(counselling("a-far", work), 12),
				{Offer: with(counselling("b-digital", work), func(o *directory.Offer) { o.Digital = true })},
			},
			want: []string{"b-digital", "a-far"},
		},
		{
			name:   "German course that also explains in Arabic above German-only course",
			client: mother(),
			hits: []store.OfferHit{
				km(course("a-de"), 1),
				km(with(course("b-de-ar"), func(o *directory.Offer) { o.Languages = []string{"de", "ar"} }), 1),
			},
			want: []string{"b-de-ar", "a-de"},
		},
		{
			name:   "German-only course above German-only counselling for an Arabic speaker",
			client: Client{Needs: []directory.NeedArea{lang}, Languages: []string{"ar"}, Location: &ohligs},
			hits: []store.OfferHit{
				km(counselling("a-counselling", lang), 1),
				km(course("b-course"), 1),
			},
			want: []string{"b-course", "a-counselling"},
		},
		{
			name:   "language does not count when the client names none",
			client: noLang,
			hits: []store.OfferHit{
				km(with(counselling("b-arabic", work), func(o *directory.Offer) { o.Languages = []string{"ar"} }), 1),
				km(counselling("a-german", work), 1),
			},
			want: []string{"a-german", "b-arabic"},
		},
		{
			name:   "distance does not count without location or district",
			client: noOrigin,
			hits: []store.OfferHit{
				{Offer: with(counselling("b-digital", work), func(o *directory.Offer) { o.Digital = true })},
				{Offer: counselling("a-local", work)},
			},
			want: []string{"a-local", "b-digital"},
		},
		{
			name:   "childcare does not count when not needed",
			client: Client{Needs: []directory.NeedArea{lang}, Location: &ohligs},
			hits: []store.OfferHit{
				km(with(course("b-with"), func(o *directory.Offer) { o.Childcare = true }), 1),
				km(course("a-without"), 1),
			},
			want: []string{"a-without", "b-with"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Rank(tt.client, tt.hits, -1)
			if !reflect.DeepEqual(ids(got), tt.want) {
				for _, m := range got {
					t.Logf("%s %.4f %v %v", m.Offer.ID, m.Score, m.Reasons, m.Warnings)
				}
				t.Fatalf("ranking = %v, want %v", ids(got), tt.want)
			}
			// Order of the input must not matter.
			rev := append([]store.OfferHit(nil), tt.hits...)
			for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
				rev[i], rev[j] = rev[j], rev[i]
			}
			if again := Rank(tt.client, rev, -1); !reflect.DeepEqual(again, got) {
				t.Fatalf("ranking depends on input order: %v vs %v", ids(again), ids(got))
			}
		})
	}
}

func TestExclusion(t *testing.T) {
	base := counselling("x", work)
	c := mother()
	c.MaxDistanceKm = ptr(5.0)
	noGroups := mother()
	noGroups.TargetGroups = nil
	noCircuits := mother()
	noCircuits.LegalCircuits = nil
	freeOnly := mother()
	freeOnly.FreeOnly = true
	set := func(f func(*directory.Offer)) directory.Offer { return with(base, f) }
	tests := []struct {
		name   string
		client Client
		hit    store.OfferHit
		want   string
	}{
		{"fits", c, km(base, 1), ""},
		{"planned", c, km(set(func(o *directory.Offer) { o.Status = directory.StatusPlanned }), 1), ExcludedStatus},
		{"paused", c, km(set(func(o *directory.Offer) { o.Status = directory.StatusPaused }), 1), ExcludedStatus},
		{"ended", c, km(set(func(o *directory.Offer) { o.Status = directory.StatusEnded }), 1), ExcludedStatus},
		{"too young for it", c, km(set(func(o *directory.Offer) { o.AgeMin = ptr(35) }), 1), ExcludedAge},
		{"too old for it", c, km(set(func(o *directory.Offer) { o.AgeMax = ptr(27) }), 1), ExcludedAge},
		{"age on the bounds", c, km(set(func(o *directory.Offer) { o.AgeMin = ptr(32); o.AgeMax = ptr(32) }), 1), ""},
		{"age unknown", Client{Needs: c.Needs}, km(set(func(o *directory.Offer) { o.AgeMax = ptr(27) }), 1), ""},
		{"other legal circuit", c, km(set(func(o *directory.Offer) {
			o.LegalCircuits = []directory.LegalCircuit{directory.CircuitSGBIII, directory.CircuitAsylbLG}
		}), 1), ExcludedLegalCircuit},
		{"one shared legal circuit", c, km(set(func(o *directory.Offer) {
			o.LegalCircuits = []directory.LegalCircuit{directory.CircuitSGBIII, directory.CircuitSGBII}
		}), 1), ""},
		{"client names no circuit", noCircuits, km(set(func(o *directory.Offer) {
			o.LegalCircuits = []directory.LegalCircuit{directory.CircuitSGBIII}
		}), 1), ""},
		{"paid with freeOnly", freeOnly, km(set(func(o *directory.Offer) { o.Cost = directory.CostPaid }), 1), ExcludedNotFree},
		{"reduced with freeOnly", freeOnly, km(set(func(o *directory.Offer) { o.Cost = directory.CostReduced }), 1), ExcludedNotFree},
		{"paid without freeOnly", c, km(set(func(o *directory.Offer) { o.Cost = directory.CostPaid }), 1), ""},
		{"beyond maxDistanceKm", c, km(base, 5.5), ExcludedDistance},
		{"within maxDistanceKm", c, km(base, 4.9), ""},
		{"digital beyond maxDistanceKm", c, km(set(func(o *directory.Offer) { o.Digital = true }), 30), ""},
		{"only for youth", c, km(set(func(o *directory.Offer) { o.TargetGroups = []directory.TargetGroup{directory.GroupYouth} }), 1), ExcludedTargetGroup},
		{"for youth and parents", c, km(set(func(o *directory.Offer) {
			o.TargetGroups = []directory.TargetGroup{directory.GroupYouth, directory.GroupParents}
		}), 1), ""},
		{"for youth and all", c, km(set(func(o *directory.Offer) {
			o.TargetGroups = []directory.TargetGroup{directory.GroupYouth, directory.GroupAll}
		}), 1), ""},
		{"no target groups listed", c, km(set(func(o *directory.Offer) { o.TargetGroups = nil }), 1), ""},
		{"client names no group", noGroups, km(set(func(o *directory.Offer) { o.TargetGroups = []directory.TargetGroup{directory.GroupYouth} }), 1), ""},
		{"no need of the client", c, km(counselling("y", housing), 1), ExcludedNoNeed},
	}
	var all []store.OfferHit
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Exclusion(tt.client, tt.hit); got != tt.want {
				t.Fatalf("Exclusion = %q, want %q", got, tt.want)
			}
			got := Rank(tt.client, []store.OfferHit{tt.hit}, -1)
			if (len(got) == 0) != (tt.want != "") {
				t.Fatalf("Rank kept %d offers, excluded %q", len(got), tt.want)
			}
		})
		if tt.client.Location == c.Location && reflect.DeepEqual(tt.client, c) {
			h := tt.hit
			h.Offer.ID = tt.name
			all = append(all, h)
		}
	}
	// All at once: exactly the offers that pass remain.
	var want []string
	for _, tt := range tests {
		if reflect.DeepEqual(tt.client, c) && tt.want == "" {
			want = append(want, tt.name)
		}
	}
	got := map[string]bool{}
	for _, m := range Rank(c, all, -1) {
		got[m.Offer.ID] = true
	}
	if len(got) != len(want) {
		t.Fatalf("Rank kept %v, want %v", got, want)
	}
	for _, w := range want {
		if !got[w] {
			t.Fatalf("Rank dropped %q", w)
		}
	}
}

func TestRankWarnsWhenConstraintUnchecked(t *testing.T) {
	c := mother()
	c.TargetGroups, c.LegalCircuits = nil, nil
	o := with(counselling("x", work), func(o *directory.Offer) {
		o.TargetGroups = []directory.TargetGroup{directory.GroupWomen, directory.GroupParents}
		o.LegalCircuits = []directory.LegalCircuit{directory.CircuitSGBII, directory.CircuitSGBIII}
	})
	ms := Rank(c, []store.OfferHit{km(o, 1)}, -1)
	if len(ms) != 1 {
		t.Fatalf("got %d matches", len(ms))
	}
	want := []Reason{
		{WarnNoChildcare, "keine Kinderbetreuung"},
		{WarnExclusiveTargetGroup, "nur für Frauen und Eltern"},
		{WarnEligibility, "nur für Rechtskreis SGB II oder SGB III"},
	}
	if !reflect.DeepEqual(ms[0].Warnings[1:], want) {
		t.Fatalf("warnings = %v, want GERMAN_ONLY then %v", ms[0].Warnings, want)
	}
}

func TestReasons(t *testing.T) {
	c := mother()
	tests := []struct {
		name     string
		client   Client
		hit      store.OfferHit
		reasons  []Reason
		warnings []Reason
	}{
		{
			name:   "the course the mother needs",
			client: c,
			hit: km(with(course("k"), func(o *directory.Offer) {
				o.Childcare, o.Languages, o.FreePlaces = true, []string{"de", "ar"}, ptr(3)
				o.TargetGroups = []directory.TargetGroup{directory.GroupWomen}
			}), 1.24),
			reasons: []Reason{
				{ReasonNeeds, "deckt Sprache sowie Familie und Kinderbetreuung ab"},
				{ReasonLanguage, "spricht Arabisch"},
				{ReasonDistance, "1,2 km entfernt"},
				{ReasonChildcare, "Kinderbetreuung vorhanden"},
				{ReasonFreePlaces, "3 freie Plätze"},
				{ReasonTargetGroup, "für Frauen"},
				{ReasonFree, "kostenlos"},
			},
			warnings: []Reason{},
		},
		{
			name: "German-only counselling, full, no childcare, paid",
			client: func() Client {
				c := mother()
				c.Needs = []directory.NeedArea{lang, work}
				return c
			}(),
			hit: km(with(counselling("m", work, lang), func(o *directory.Offer) {
				o.FreePlaces, o.Cost = ptr(0), directory.CostPaid
			}), 0.31),
			reasons: []Reason{
				{ReasonNeeds, "deckt Sprache und Arbeit ab"},
				{ReasonDistance, "300 m entfernt"},
			},
			warnings: []Reason{
				{WarnGermanOnly, "nur auf Deutsch"},
				{WarnNoChildcare, "keine Kinderbetreuung"},
				{WarnNoFreePlaces, "keine freien Plätze"},
				{WarnCost, "kostenpflichtig"},
			},
		},
		{
			name:   "digital counselling in English with one place, reduced cost",
			client: c,
			hit: store.OfferHit{Offer: with(counselling("d", work), func(o *directory.Offer) {
				o.Digital, o.Languages, o.FreePlaces, o.Cost = true, []string{"en", "fr"}, ptr(1), directory.CostReduced
			})},
			reasons: []Reason{
				{ReasonNeeds, "deckt Arbeit ab"},
				{ReasonDigital, "digital"},
				{ReasonFreePlaces, "1 freier Platz"},
			},
			warnings: []Reason{
				{WarnLanguageMismatch, "nur auf Englisch und Französisch"},
				{WarnNoChildcare, "keine Kinderbetreuung"},
				{WarnCost, "ermäßigter Beitrag"},
			},
		},
		{
			name:   "Passagegruppe nearby",
			client: c,
			hit:    km(offer("p", directory.CategoryPassageGroup, family), 0.04),
			reasons: []Reason{
				{ReasonNeeds, "deckt Familie und Kinderbetreuung ab"},
				{ReasonDistance, "weniger als 100 m entfernt"},
				{ReasonChildcare, "Passagegruppe für Kinder ohne Kita-Platz"},
				{ReasonFree, "kostenlos"},
			},
			warnings: []Reason{{WarnGermanOnly, "nur auf Deutsch"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Rank(tt.client, []store.OfferHit{tt.hit}, -1)
			if len(ms) != 1 {
				t.Fatalf("got %d matches", len(ms))
			}
			if !reflect.DeepEqual(ms[0].Reasons, tt.reasons) {
				t.Errorf("reasons = %v\nwant %v", ms[0].Reasons, tt.reasons)
			}
			if !reflect.DeepEqual(ms[0].Warnings, tt.warnings) {
				t.Errorf("warnings = %v\nwant %v", ms[0].Warnings, tt.warnings)
			}
		})
	}
}

func TestScore(t *testing.T) {
	c := mother()
	perfect := km(with(course("k"), func(o *directory.Offer) {
		o.Needs = []directory.NeedArea{lang, work}
		o.Childcare, o.Languages, o.FreePlaces = true, []string{"ar"}, ptr(3)
		o.TargetGroups = []directory.TargetGroup{directory.GroupParents}
	}), 0)
	if ms := Rank(c, []store.OfferHit{perfect}, -1); len(ms) != 1 || ms[0].Score != 1 {
		t.Fatalf("a perfect offer scores %v, want 1", ms)
	}
	// needs 1/3·0.40 + language 0 + distance (1−7.5/15)·0.15 + childcare 0 +
	// free places 0.5·0.10 + target group 0.5·0.05 = 0.2833 (weights sum to 1).
	plain := km(counselling("w", work), 7.5)
	if ms := Rank(c, []store.OfferHit{plain}, -1); len(ms) != 1 || ms[0].Score != 0.2833 {
		t.Fatalf("score = %v, want 0.2833", ms[0].Score)
	}
	// Without languages, location and childcare only needs, free places and
	// target group count: (1·0.40 + 0.5·0.10 + 0.5·0.05) / 0.55 = 0.8636.
	bare := Client{Needs: []directory.NeedArea{work}}
	if ms := Rank(bare, []store.OfferHit{{Offer: counselling("w", work)}}, -1); len(ms) != 1 || ms[0].Score != 0.8636 {
		t.Fatalf("score = %v, want 0.8636", ms[0].Score)
	}
}

func TestScoreInUnitInterval(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(n int) int { return r.IntN(n) }
	groups := func(n int) []directory.TargetGroup {
		var gs []directory.TargetGroup
		for range pick(n + 1) {
			if g := directory.TargetGroups[pick(11)]; !has(gs, g) {
				gs = append(gs, g)
			}
		}
		return gs
	}
	ranked := 0
	for i := 0; i < 2000; i++ {
		c := Client{Needs: []directory.NeedArea{directory.NeedAreas[pick(10)], directory.NeedAreas[pick(10)]}}
		if pick(2) == 0 {
			c.Age = ptr(pick(90))
		}
		if pick(2) == 0 {
			c.Languages = []string{"ar", "tr", "de"}[:pick(3)]
		}
		if pick(2) == 0 {
			c.Location = &ohligs
			if pick(2) == 0 {
				c.MaxDistanceKm = ptr(float64(1 + pick(20)))
			}
		}
		c.NeedsChildcare = pick(2) == 0
		c.TargetGroups = groups(2)
		o := offer("o", directory.OfferCategories[pick(15)], directory.NeedAreas[pick(10)], directory.NeedAreas[pick(10)])
		o.Languages = [][]string{{"de"}, {"ar"}, {"en", "tr"}, nil}[pick(4)]
		o.Childcare = pick(2) == 0
		o.Digital = pick(4) == 0
		o.TargetGroups = groups(3)
		if n := pick(4); n < 3 {
			o.FreePlaces = ptr(n)
		}
		h := km(o, float64(pick(40)))
		for _, m := range Rank(c, []store.OfferHit{h}, -1) {
			ranked++
			if !(m.Score >= 0 && m.Score <= 1) {
				t.Fatalf("score %v outside [0,1] for %+v and %+v", m.Score, c, o)
			}
		}
	}
	if ranked < 200 {
		t.Fatalf("only %d of 2000 random offers were ranked; the test checks too little", ranked)
	}
}

func TestRankFirstAndDuplicates(t *testing.T) {
	c := mother()
	hits := []store.OfferHit{km(counselling("c", work), 3), km(counselling("a", work), 1), km(counselling("b", work), 2), km(counselling("a", work), 1)}
	if got := ids(Rank(c, hits, 2)); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Fatalf("first 2 = %v", got)
	}
	if got := ids(Rank(c, hits, -1)); !reflect.DeepEqual(got, []string{"a", "b", "c"}) {
		t.Fatalf("all = %v", got)
	}
	if got := Rank(c, hits, 0); got == nil || len(got) != 0 {
		t.Fatalf("first 0 = %v, want empty", got)
	}
	if got := Rank(c, nil, 10); got == nil || len(got) != 0 {
		t.Fatalf("no candidates = %v, want empty non-nil", got)
	}
}

func TestMatchedNeeds(t *testing.T) {
	withCare := with(course("k"), func(o *directory.Offer) { o.Childcare = true })
	noCare := mother()
	noCare.NeedsChildcare = false
	tests := []struct {
		name   string
		client Client
		offer  directory.Offer
		want   []directory.NeedArea
	}{
		{"client's order, not the offer's", mother(), counselling("x", work, housing, lang), []directory.NeedArea{lang, work}},
		{"course childcare covers FAMILY_CHILDCARE", mother(), withCare, []directory.NeedArea{lang, family}},
		{"only when the client needs childcare", noCare, withCare, []directory.NeedArea{lang}},
		{"only for courses", mother(), with(counselling("x", work), func(o *directory.Offer) { o.Childcare = true }), []directory.NeedArea{work}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := matchedNeeds(tt.client, tt.offer); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("matchedNeeds = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDistanceText(t *testing.T) {
	for km, want := range map[float64]string{
		0: "weniger als 100 m", 0.049: "weniger als 100 m", 0.3: "300 m", 0.94: "900 m",
		0.96: "1,0 km", 1.2: "1,2 km", 1.25001: "1,3 km", 14.2: "14,2 km",
	} {
		if got := distanceDE(km); got != want {
			t.Errorf("distanceDE(%v) = %q, want %q", km, got, want)
		}
	}
}
