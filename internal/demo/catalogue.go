package demo

import "github.com/lotse-kim/lotse/internal/directory"

// Short names for the vocabularies keep the catalogue readable.
const (
	nRes   = directory.NeedResidence
	nLang  = directory.NeedLanguage
	nEdu   = directory.NeedEducation
	nWork  = directory.NeedWork
	nHouse = directory.NeedHousing
	nHlth  = directory.NeedHealth
	nFam   = directory.NeedFamilyChildcare
	nFin   = directory.NeedFinances
	nAuth  = directory.NeedAuthorities
	nPart  = directory.NeedSocialParticipation

	gWomen   = directory.GroupWomen
	gParents = directory.GroupParents
	gFam     = directory.GroupFamilies
	gChild   = directory.GroupChildren
	gYouth   = directory.GroupYouth
	gAdults  = directory.GroupAdults
	gSenior  = directory.GroupSeniors
	gRefug   = directory.GroupRefugees
	gNew     = directory.GroupNewArrivals
	gEU      = directory.GroupEUCitizens
	gAll     = directory.GroupAll

	cII   = directory.CircuitSGBII
	cIII  = directory.CircuitSGBIII
	cVIII = directory.CircuitSGBVIII
	cXII  = directory.CircuitSGBXII
	cAsyl = directory.CircuitAsylbLG
	cAuf  = directory.CircuitAufenthG
)

func needs(n ...directory.NeedArea) []directory.NeedArea        { return n }
func groups(g ...directory.TargetGroup) []directory.TargetGroup { return g }
func circuits(c ...directory.LegalCircuit) []directory.LegalCircuit {
	return c
}

// Schedules by rhythm.
var (
	schedCourse   = []string{"Mo–Fr 8:30–12:45", "Mo–Fr 9:00–13:15", "Mo–Do 8:30–12:30", "Mo–Do 17:30–20:45", "Mo–Fr 13:30–17:45"}
	schedWeekly   = []string{"Di 10:00–12:00", "Mi 15:00–17:00", "Do 9:30–11:30", "Fr 16:00–18:00", "Sa 11:00–14:00", "Mo 14:00–16:00", "Mi 9:00–11:00", "Do 17:00–19:00"}
	schedOffice   = []string{"Mo, Mi 9:00–12:00, Do 14:00–17:00", "Di–Do 9:00–12:00 und nach Vereinbarung", "offene Sprechstunde Di 9:00–12:00, sonst nach Terminvereinbarung", "Mo–Fr 8:00–12:00, Do bis 18:00", "nach Terminvereinbarung"}
	schedChild    = []string{"Mo–Fr 8:00–13:00", "Mo–Fr 7:30–14:00", "Mo, Mi, Fr 9:00–12:00", "Di, Do 9:00–12:00", "Mo–Do 8:30–12:30"}
	schedSport    = []string{"Mi 18:00–19:30", "Sa 10:00–12:00", "So 15:00–17:00", "Di 17:00–18:30", "Fr 19:00–20:30", "Mo 16:30–18:00"}
	schedAfternun = []string{"Mo–Do 14:00–16:30", "Mo, Mi 15:00–17:00", "Di, Do 14:30–16:30", "Mo–Fr 13:30–16:00"}
)

// tmpl is one kind of offer, from which concrete offers are drawn.
type tmpl struct {
	cat       directory.OfferCategory
	course    directory.CourseType
	title     string
	desc      string
	needs     []directory.NeedArea
	groups    []directory.TargetGroup
	circuits  []directory.LegalCircuit
	childcare float64 // probability of childcare on site
	cost      directory.Cost
	capMin    int // 0: no capacity
	capMax    int
	ageMin    int // -1: none
	ageMax    int // -1: none
	sched     []string
	langs     float64 // expected number of languages besides German
	digital   float64 // probability of being held online
	volunteer bool    // mostly unfunded, run by volunteers
}

// templates by key. Titles and descriptions are German and carry umlauts, as
// real ones do; search and folding must cope with them.
var templates = map[string]tmpl{
	// Integrationskurse (BAMF), one per course type.
	"ik-general": {cat: directory.CategoryIntegrationCourse, course: directory.CourseGeneral, title: "Allgemeiner Integrationskurs",
		desc:  "Integrationskurs nach dem Curriculum des BAMF: 600 Unterrichtseinheiten Sprachkurs bis Niveau B1 und 100 Unterrichtseinheiten Orientierungskurs. Abschluss mit dem „Deutsch-Test für Zuwanderer“ und dem Test „Leben in Deutschland“.",
		needs: needs(nLang, nPart), groups: groups(gAdults, gNew, gRefug), circuits: circuits(cAuf, cII, cAsyl),
		childcare: 0.15, cost: directory.CostReduced, capMin: 16, capMax: 25, ageMin: 16, ageMax: -1, sched: schedCourse, langs: 0.2},
	"ik-women": {cat: directory.CategoryIntegrationCourse, course: directory.CourseWomen, title: "Frauenintegrationskurs",
		desc:  "Integrationskurs nur für Frauen mit 1.000 Unterrichtseinheiten in kleinen Gruppen. Themen aus dem Alltag: Kita, Schule, Arztbesuch, Einkaufen und Behörden. Viele Kurse bieten Kinderbetreuung während des Kurses an.",
		needs: needs(nLang, nPart, nFam), groups: groups(gWomen, gParents, gNew), circuits: circuits(cAuf, cII),
		childcare: 0.7, cost: directory.CostReduced, capMin: 12, capMax: 20, ageMin: 16, ageMax: -1, sched: schedCourse, langs: 0.4},
	"ik-parents": {cat: directory.CategoryIntegrationCourse, course: directory.CourseParents, title: "Elternintegrationskurs",
		desc:  "Integrationskurs für Mütter und Väter: Deutsch lernen mit Themen rund um Erziehung, Kita und Schule. Der Kurs findet vormittags statt, während die Kinder in Kita oder Schule sind; für Kleinkinder gibt es Kinderbetreuung.",
		needs: needs(nLang, nFam, nEdu), groups: groups(gParents, gWomen, gFam), circuits: circuits(cAuf, cII),
		childcare: 0.6, cost: directory.CostReduced, capMin: 12, capMax: 20, ageMin: 18, ageMax: -1, sched: schedCourse, langs: 0.3},
	"ik-youth": {cat: directory.CategoryIntegrationCourse, course: directory.CourseYouth, title: "Jugendintegrationskurs",
		desc:  "Integrationskurs für junge Menschen bis 27 Jahre, die nicht mehr schulpflichtig sind. Vorbereitung auf Ausbildung, Schulabschluss oder Studium, mit Betriebserkundungen und Bewerbungstraining.",
		needs: needs(nLang, nEdu, nWork), groups: groups(gYouth, gNew, gRefug), circuits: circuits(cAuf, cII, cVIII),
		childcare: 0.05, cost: directory.CostReduced, capMin: 14, capMax: 20, ageMin: 16, ageMax: 27, sched: schedCourse, langs: 0.2},
	"ik-literacy": {cat: directory.CategoryIntegrationCourse, course: directory.CourseLiteracy, title: "Integrationskurs mit Alphabetisierung",
		desc:  "Für Menschen, die nicht oder nur wenig lesen und schreiben können: Alphabetisierung in lateinischer Schrift und Deutsch bis A2/B1 in 1.300 Unterrichtseinheiten, in kleinen Gruppen mit viel Übung.",
		needs: needs(nLang, nEdu), groups: groups(gAdults, gRefug, gWomen), circuits: circuits(cAuf, cII, cAsyl),
		childcare: 0.3, cost: directory.CostReduced, capMin: 10, capMax: 16, ageMin: 16, ageMax: -1, sched: schedCourse, langs: 0.5},
	"ik-second-script": {cat: directory.CategoryIntegrationCourse, course: directory.CourseSecondScript, title: "Integrationskurs für Zweitschriftlernende",
		desc:  "Für Teilnehmende, die in einer anderen Schrift – etwa Arabisch, Kyrillisch oder Tigrinya – lesen und schreiben können und das lateinische Alphabet neu lernen.",
		needs: needs(nLang), groups: groups(gAdults, gNew, gRefug), circuits: circuits(cAuf, cII, cAsyl),
		childcare: 0.2, cost: directory.CostReduced, capMin: 12, capMax: 20, ageMin: 16, ageMax: -1, sched: schedCourse, langs: 0.3},
	"ik-intensive": {cat: directory.CategoryIntegrationCourse, course: directory.CourseIntensive, title: "Intensivkurs Deutsch (Integrationskurs, 430 UE)",
		desc:  "Schneller Weg zu B1: Integrationskurs mit 430 Unterrichtseinheiten für lerngewohnte Teilnehmende, etwa mit Hochschulabschluss. Hohes Tempo, viel Selbstlernen.",
		needs: needs(nLang, nWork), groups: groups(gAdults, gNew), circuits: circuits(cAuf, cII),
		childcare: 0.05, cost: directory.CostReduced, capMin: 14, capMax: 22, ageMin: 18, ageMax: -1, sched: schedCourse, langs: 0.1, digital: 0.1},
	"ik-support": {cat: directory.CategoryIntegrationCourse, course: directory.CourseSupport, title: "Förderkurs (Integrationskurs mit besonderem Förderbedarf)",
		desc:  "Integrationskurs für Menschen, die schon lange in Deutschland leben und ihr Deutsch verbessern möchten. Langsameres Tempo, Wiederholung und Lernberatung.",
		needs: needs(nLang, nPart), groups: groups(gAdults, gSenior, gWomen), circuits: circuits(cAuf, cII, cXII),
		childcare: 0.25, cost: directory.CostReduced, capMin: 12, capMax: 20, ageMin: 18, ageMax: -1, sched: schedCourse, langs: 0.3},

	// Weitere Sprachangebote.
	"berufssprachkurs": {cat: directory.CategoryLanguageCourse, title: "Berufssprachkurs B2 (DeuFöV)",
		desc:  "Berufsbezogene Deutschsprachförderung nach der DeuFöV: Fachsprache, Telefonate, E-Mails und Bewerbungsgespräche. Zugang über Jobcenter, Agentur für Arbeit oder BAMF.",
		needs: needs(nLang, nWork), groups: groups(gAdults), circuits: circuits(cII, cIII, cAuf),
		childcare: 0.1, cost: directory.CostFree, capMin: 15, capMax: 25, ageMin: 18, ageMax: -1, sched: schedCourse, langs: 0.05, digital: 0.15},
	"sprachcafe-frauen": {cat: directory.CategoryLanguageCourse, title: "Sprachcafé für Frauen",
		desc:  "Deutsch sprechen in entspannter Runde: Frauen üben bei Tee und Gebäck, was sie im Kurs gelernt haben. Ohne Anmeldung, Kinder dürfen mitkommen.",
		needs: needs(nLang, nPart), groups: groups(gWomen), childcare: 0.5, cost: directory.CostFree,
		ageMin: -1, ageMax: -1, sched: schedWeekly, langs: 1.2, volunteer: true},
	"konversation": {cat: directory.CategoryLanguageCourse, title: "Deutsch im Alltag – Konversationskreis",
		desc:  "Ehrenamtlich begleiteter Gesprächskreis für alle, die ihr Deutsch im Alltag verbessern möchten: Arzttermin, Elternabend, Gespräch mit den Nachbarn.",
		needs: needs(nLang, nPart), groups: groups(gAdults, gSenior, gAll), cost: directory.CostFree,
		capMin: 8, capMax: 15, ageMin: -1, ageMax: -1, sched: schedWeekly, langs: 0.6, volunteer: true},
	"eok": {cat: directory.CategoryLanguageCourse, title: "Erstorientierungskurs (EOK)",
		desc:  "Erste Deutschkenntnisse und Orientierung für Asylsuchende, die noch keinen Zugang zum Integrationskurs haben: Wohnen, Einkaufen, Gesundheit, Werte und Zusammenleben.",
		needs: needs(nLang, nPart, nAuth), groups: groups(gRefug, gAdults), circuits: circuits(cAsyl),
		childcare: 0.3, cost: directory.CostFree, capMin: 12, capMax: 20, ageMin: 16, ageMax: -1, sched: schedCourse, langs: 1.0},
	"deutsch-kita-eltern": {cat: directory.CategoryLanguageCourse, title: "Deutschkurs für Eltern in der Kita",
		desc:  "Niedrigschwelliger Deutschkurs in der Kita, während die Kinder betreut werden. Für Mütter und Väter, die noch keinen Integrationskurs besuchen können.",
		needs: needs(nLang, nFam), groups: groups(gParents, gWomen), circuits: circuits(cVIII),
		childcare: 0.9, cost: directory.CostFree, capMin: 8, capMax: 14, ageMin: -1, ageMax: -1, sched: schedWeekly, langs: 0.8},
	"pflege-deutsch": {cat: directory.CategoryLanguageCourse, title: "Deutsch für Pflege- und Gesundheitsberufe",
		desc:  "Fachsprachkurs für Pflegekräfte mit ausländischem Abschluss zur Vorbereitung auf die Kenntnisprüfung und die Anerkennung.",
		needs: needs(nLang, nWork), groups: groups(gAdults), circuits: circuits(cII, cIII),
		cost: directory.CostReduced, capMin: 12, capMax: 18, ageMin: 18, ageMax: -1, sched: schedCourse, langs: 0.1, digital: 0.2},
	"herkunftssprache": {cat: directory.CategoryLanguageCourse, title: "Herkunftssprachlicher Unterricht am Wochenende",
		desc:  "Kinder lernen Lesen und Schreiben in ihrer Familiensprache. Mehrsprachigkeit stärkt auch das Deutschlernen.",
		needs: needs(nEdu, nLang), groups: groups(gChild, gYouth), cost: directory.CostReduced,
		capMin: 10, capMax: 20, ageMin: 6, ageMax: 14, sched: schedWeekly, langs: 1.0, volunteer: true},

	// Kinderbetreuung und Brückenprojekte.
	"kinderbetreuung-kurs": {cat: directory.CategoryChildcare, title: "Kinderbetreuung während des Kurses",
		desc:  "Qualifizierte Betreuung für Kinder von 1 bis 6 Jahren, während die Eltern einen Integrations- oder Sprachkurs im selben Haus besuchen.",
		needs: needs(nFam), groups: groups(gChild, gParents), circuits: circuits(cVIII),
		childcare: 1, cost: directory.CostFree, capMin: 8, capMax: 15, ageMin: 1, ageMax: 6, sched: schedChild, langs: 0.5},
	"tagespflege": {cat: directory.CategoryChildcare, title: "Vermittlung Kindertagespflege",
		desc:  "Beratung und Vermittlung von Plätzen in der Kindertagespflege für Kinder unter drei Jahren; Unterstützung beim Antrag auf einen Betreuungsplatz.",
		needs: needs(nFam, nAuth), groups: groups(gParents, gFam, gChild), circuits: circuits(cVIII),
		childcare: 1, cost: directory.CostFree, ageMin: 0, ageMax: 3, sched: schedOffice, langs: 0.6},
	"grosstagespflege": {cat: directory.CategoryChildcare, title: "Großtagespflege „Kleine Welt“",
		desc:  "Mehrsprachige Großtagespflege mit zwei Tagespflegepersonen für bis zu neun Kinder unter drei Jahren.",
		needs: needs(nFam), groups: groups(gChild, gFam), circuits: circuits(cVIII),
		childcare: 1, cost: directory.CostReduced, capMin: 9, capMax: 9, ageMin: 0, ageMax: 3, sched: schedChild, langs: 0.8},
	"kita-plaetze": {cat: directory.CategoryChildcare, title: "Kita-Plätze für neu zugewanderte Familien",
		desc:  "Familienzentrum mit Plätzen für Kinder aus neu zugewanderten Familien; Eingewöhnung mit Sprachmittlung und Elterncafé.",
		needs: needs(nFam, nEdu), groups: groups(gChild, gFam, gNew), circuits: circuits(cVIII),
		childcare: 1, cost: directory.CostReduced, capMin: 40, capMax: 90, ageMin: 1, ageMax: 6, sched: schedChild, langs: 0.7},
	"passagegruppe": {cat: directory.CategoryPassageGroup, title: "Passagegruppe für Kinder ohne Kita-Platz",
		desc:  "Brückenprojekt nach dem Landesprogramm „Kita-Einstieg“: Kinder ohne Kita-Platz spielen und lernen in einer festen Gruppe, Eltern werden auf den Kita-Alltag vorbereitet.",
		needs: needs(nFam, nEdu, nLang), groups: groups(gChild, gParents, gFam, gNew), circuits: circuits(cVIII),
		childcare: 1, cost: directory.CostFree, capMin: 8, capMax: 12, ageMin: 1, ageMax: 6, sched: schedChild, langs: 0.9},
	"spielgruppe": {cat: directory.CategoryPassageGroup, title: "Spielgruppe „Bunte Kiste“ (Brückenprojekt)",
		desc:  "Eltern-Kind-Spielgruppe für Familien, die noch auf einen Kita-Platz warten. Mit Liedern, Bewegung und Sprachförderung; Eltern bleiben die erste Zeit dabei.",
		needs: needs(nFam, nLang, nPart), groups: groups(gChild, gParents, gFam), circuits: circuits(cVIII),
		childcare: 1, cost: directory.CostFree, capMin: 8, capMax: 12, ageMin: 1, ageMax: 4, sched: schedChild, langs: 1.0},

	// Beratung.
	"mbe": {cat: directory.CategoryMigrationCounselling, title: "Migrationsberatung für erwachsene Zugewanderte (MBE)",
		desc:  "Individuelle Beratung für Zugewanderte ab 27 Jahren: Aufenthalt, Integrationskurs, Arbeit und Anerkennung, Behördenpost, Familie. Vertraulich und kostenlos.",
		needs: needs(nRes, nWork, nAuth, nLang), groups: groups(gAdults, gNew, gWomen), circuits: circuits(cAuf, cII, cXII, cAsyl),
		cost: directory.CostFree, capMin: 30, capMax: 60, ageMin: 27, ageMax: -1, sched: schedOffice, langs: 1.6, digital: 0.08},
	"jmd": {cat: directory.CategoryMigrationCounselling, title: "Jugendmigrationsdienst – Beratung für junge Menschen",
		desc:  "Der Jugendmigrationsdienst begleitet junge Zugewanderte von 12 bis 27 Jahren bei Schule, Ausbildung, Aufenthalt und allen Fragen des Ankommens.",
		needs: needs(nEdu, nWork, nRes, nPart), groups: groups(gYouth, gNew, gRefug), circuits: circuits(cVIII, cAuf, cII),
		cost: directory.CostFree, capMin: 30, capMax: 50, ageMin: 12, ageMax: 27, sched: schedOffice, langs: 1.4, digital: 0.1},
	"beratung-muttersprache": {cat: directory.CategoryMigrationCounselling, title: "Beratung in der Muttersprache",
		desc:  "Ehrenamtliche Sprechstunde im Verein: Hilfe beim Verstehen von Briefen, beim Ausfüllen von Anträgen und bei der Suche nach der richtigen Beratungsstelle.",
		needs: needs(nAuth, nRes, nFin), groups: groups(gAdults, gNew, gFam), cost: directory.CostFree,
		ageMin: -1, ageMax: -1, sched: schedWeekly, langs: 1.2, volunteer: true},
	"einbuergerung": {cat: directory.CategoryMigrationCounselling, title: "Einbürgerungsberatung",
		desc:  "Informationen zu Voraussetzungen, Unterlagen und Ablauf der Einbürgerung sowie zur Mehrstaatigkeit nach dem neuen Staatsangehörigkeitsrecht.",
		needs: needs(nRes, nAuth), groups: groups(gAdults), circuits: circuits(cAuf),
		cost: directory.CostFree, ageMin: 16, ageMax: -1, sched: schedOffice, langs: 0.4, digital: 0.1},
	"aufenthalt-service": {cat: directory.CategoryMigrationCounselling, title: "Servicesprechstunde Aufenthalt und Familiennachzug",
		desc:  "Sprechstunde der Ausländerbehörde zu Aufenthaltstiteln, Verlängerungen, Familiennachzug und Beschäftigungserlaubnis. Termine online oder telefonisch.",
		needs: needs(nRes, nAuth), groups: groups(gAdults, gFam, gRefug), circuits: circuits(cAuf, cAsyl),
		cost: directory.CostFree, ageMin: -1, ageMax: -1, sched: schedOffice, langs: 0.5},
	"kim-cm": {cat: directory.CategoryCaseManagement, title: "Case Management im Kommunalen Integrationsmanagement",
		desc:  "Rechtskreisübergreifendes Case Management: Wir klären gemeinsam, was ansteht – Aufenthalt, Sprache, Arbeit, Wohnen, Familie – und stimmen die Hilfen der beteiligten Stellen aufeinander ab.",
		needs: needs(nRes, nAuth, nWork, nHouse, nFin), groups: groups(gAdults, gFam, gRefug, gNew), circuits: circuits(cII, cIII, cXII, cAsyl, cAuf, cVIII),
		cost: directory.CostFree, capMin: 40, capMax: 80, ageMin: 16, ageMax: -1, sched: schedOffice, langs: 1.0},
	"fallmanagement": {cat: directory.CategoryCaseManagement, title: "Fallmanagement für Familien im Leistungsbezug",
		desc:  "Beschäftigungsorientiertes Fallmanagement des Jobcenters für Familien mit mehreren Unterstützungsbedarfen, in Abstimmung mit Jugendamt und Beratungsstellen.",
		needs: needs(nWork, nFin, nFam), groups: groups(gFam, gParents), circuits: circuits(cII),
		cost: directory.CostFree, capMin: 30, capMax: 60, ageMin: 18, ageMax: -1, sched: schedOffice, langs: 0.4},
	"sozialberatung": {cat: directory.CategorySocialCounselling, title: "Allgemeine Sozialberatung",
		desc:  "Beratung zu Bürgergeld, Kindergeld, Wohngeld, Krankenversicherung und allen Fragen des Alltags; Unterstützung bei Anträgen und Widersprüchen.",
		needs: needs(nFin, nAuth, nHouse), groups: groups(gAll), circuits: circuits(cII, cXII),
		cost: directory.CostFree, ageMin: -1, ageMax: -1, sched: schedOffice, langs: 0.9},
	"schuldnerberatung": {cat: directory.CategorySocialCounselling, title: "Schuldner- und Insolvenzberatung",
		desc:  "Anerkannte Schuldnerberatung: Überblick über die Schulden, Pfändungsschutzkonto, Verhandlungen mit Gläubigern und Begleitung in der Verbraucherinsolvenz.",
		needs: needs(nFin), groups: groups(gAdults, gFam), circuits: circuits(cII, cXII),
		cost: directory.CostFree, capMin: 20, capMax: 40, ageMin: 18, ageMax: -1, sched: schedOffice, langs: 0.5},
	"schwangerschaft": {cat: directory.CategorySocialCounselling, title: "Schwangerschafts- und Familienberatung",
		desc:  "Beratung für Schwangere und junge Familien: Elterngeld, Mutterschutz, Stiftungsmittel, Hebammensuche – auf Wunsch mit Sprachmittlung.",
		needs: needs(nFam, nHlth, nFin), groups: groups(gWomen, gParents, gFam), circuits: circuits(cII, cXII, cAsyl),
		cost: directory.CostFree, ageMin: -1, ageMax: -1, sched: schedOffice, langs: 1.0},
	"leistungen-asylblg": {cat: directory.CategorySocialCounselling, title: "Beratung zu Leistungen nach dem AsylbLG",
		desc:  "Sprechstunde zu Leistungen nach dem Asylbewerberleistungsgesetz, Krankenbehandlungsscheinen und dem Wechsel ins Bürgergeld.",
		needs: needs(nFin, nAuth, nHlth), groups: groups(gRefug), circuits: circuits(cAsyl),
		cost: directory.CostFree, ageMin: -1, ageMax: -1, sched: schedOffice, langs: 1.2},
	"erziehungsberatung": {cat: directory.CategorySocialCounselling, title: "Erziehungs- und Familienberatung",
		desc:  "Beratung für Eltern, Kinder und Jugendliche bei Sorgen in der Familie, in Schule oder Kita; interkulturell erfahrenes Team.",
		needs: needs(nFam, nHlth), groups: groups(gParents, gFam, gYouth), circuits: circuits(cVIII),
		cost: directory.CostFree, ageMin: -1, ageMax: -1, sched: schedOffice, langs: 0.6},

	// Arbeit.
	"jobcoaching": {cat: directory.CategoryEmploymentSupport, title: "Jobcoaching für Geflüchtete",
		desc:  "Einzelcoaching auf dem Weg in Arbeit: Kompetenzfeststellung, Bewerbungsunterlagen, Praktikum und Begleitung in den ersten Monaten im Betrieb.",
		needs: needs(nWork), groups: groups(gRefug, gAdults), circuits: circuits(cII, cIII),
		cost: directory.CostFree, capMin: 15, capMax: 30, ageMin: 18, ageMax: -1, sched: schedOffice, langs: 1.0},
	"jobturbo": {cat: directory.CategoryEmploymentSupport, title: "Sprechstunde Job-Turbo",
		desc:  "Offene Sprechstunde für Menschen aus dem Integrationskurs: direkter Kontakt zu Arbeitgebern, Arbeit und Deutschlernen parallel.",
		needs: needs(nWork, nLang), groups: groups(gAdults, gRefug, gNew), circuits: circuits(cII),
		cost: directory.CostFree, ageMin: 18, ageMax: -1, sched: schedOffice, langs: 0.6},
	"teilzeit-muetter": {cat: directory.CategoryEmploymentSupport, title: "Teilzeitausbildung und Berufseinstieg für Mütter",
		desc:  "Coaching für Mütter im Leistungsbezug: Wege in Teilzeitausbildung oder Arbeit, Kinderbetreuung organisieren, Vereinbarkeit planen.",
		needs: needs(nWork, nFam), groups: groups(gWomen, gParents), circuits: circuits(cII, cIII),
		childcare: 0.3, cost: directory.CostFree, capMin: 10, capMax: 20, ageMin: 18, ageMax: -1, sched: schedWeekly, langs: 0.7},
	"anerkennung": {cat: directory.CategoryEmploymentSupport, title: "Anerkennungsberatung für ausländische Berufsabschlüsse",
		desc:  "Beratung zur Anerkennung von Abschlüssen aus dem Ausland: zuständige Stelle, Unterlagen, Übersetzungen, Kosten und Anpassungsqualifizierung.",
		needs: needs(nWork, nRes), groups: groups(gAdults), circuits: circuits(cII, cIII, cAuf),
		cost: directory.CostFree, ageMin: 18, ageMax: -1, sched: schedOffice, langs: 1.0, digital: 0.2},
	"berufsberatung": {cat: directory.CategoryEmploymentSupport, title: "Berufsberatung für junge Zugewanderte",
		desc:  "Berufsorientierung, Ausbildungsvermittlung und Beratung zu Einstiegsqualifizierung und Berufsvorbereitung für junge Menschen bis 25 Jahre.",
		needs: needs(nWork, nEdu), groups: groups(gYouth, gNew), circuits: circuits(cIII, cII),
		cost: directory.CostFree, ageMin: 15, ageMax: 25, sched: schedOffice, langs: 0.4},
	"bewerbungswerkstatt": {cat: directory.CategoryEmploymentSupport, title: "Bewerbungswerkstatt",
		desc:  "Gemeinsam Lebenslauf und Anschreiben erstellen, Stellenportale nutzen, Vorstellungsgespräche üben. Computer vor Ort.",
		needs: needs(nWork), groups: groups(gAdults, gYouth), circuits: circuits(cII, cIII),
		cost: directory.CostFree, capMin: 8, capMax: 14, ageMin: 16, ageMax: -1, sched: schedWeekly, langs: 0.6},
	"handwerk-lotsen": {cat: directory.CategoryEmploymentSupport, title: "Willkommenslotsen Handwerk",
		desc:  "Vermittlung von Praktika und Ausbildungsplätzen in Handwerksbetrieben; Beratung der Betriebe zu Aufenthalt und Beschäftigung.",
		needs: needs(nWork, nEdu), groups: groups(gYouth, gAdults, gRefug), circuits: circuits(cIII, cII),
		cost: directory.CostFree, ageMin: 16, ageMax: -1, sched: schedOffice, langs: 0.3},

	// Bildung.
	"hausaufgaben": {cat: directory.CategoryEducationSupport, title: "Hausaufgabenhilfe",
		desc:  "Ehrenamtliche Lernbegleitung für Schülerinnen und Schüler der Klassen 1 bis 10, mit Unterstützung in Deutsch und Mathematik.",
		needs: needs(nEdu, nLang), groups: groups(gChild, gYouth), cost: directory.CostFree,
		capMin: 10, capMax: 25, ageMin: 6, ageMax: 16, sched: schedAfternun, langs: 0.5, volunteer: true},
	"seiteneinstieg": {cat: directory.CategoryEducationSupport, title: "Seiteneinsteigerberatung Schule",
		desc:  "Beratung für neu zugewanderte Familien mit schulpflichtigen Kindern: Schulplatz, Erstförderung, Sprachstandsfeststellung und Übergang in die Regelklasse.",
		needs: needs(nEdu, nAuth), groups: groups(gFam, gChild, gYouth, gNew), circuits: circuits(cVIII),
		cost: directory.CostFree, ageMin: 6, ageMax: 18, sched: schedOffice, langs: 1.2},
	"rucksack": {cat: directory.CategoryEducationSupport, title: "Rucksack KiTa – Elternbildung",
		desc:  "Elternbildungsprogramm in der Kita: Mütter und Väter stärken die Sprache ihrer Kinder, in der Familiensprache und auf Deutsch.",
		needs: needs(nEdu, nFam, nLang), groups: groups(gParents, gWomen), circuits: circuits(cVIII),
		childcare: 0.8, cost: directory.CostFree, capMin: 8, capMax: 14, ageMin: -1, ageMax: -1, sched: schedWeekly, langs: 1.0},
	"but-lernfoerderung": {cat: directory.CategoryEducationSupport, title: "Lernförderung (Bildung und Teilhabe)",
		desc:  "Außerschulische Lernförderung über das Bildungs- und Teilhabepaket für Kinder aus Familien mit Bürgergeld, Wohngeld oder Kinderzuschlag.",
		needs: needs(nEdu, nFin), groups: groups(gChild, gYouth), circuits: circuits(cII, cXII, cAsyl),
		cost: directory.CostFree, capMin: 10, capMax: 30, ageMin: 6, ageMax: 18, sched: schedAfternun, langs: 0.3},
	"ifk": {cat: directory.CategoryEducationSupport, title: "Internationale Förderklasse",
		desc:  "Einjähriger Bildungsgang am Berufskolleg für neu zugewanderte Jugendliche: Deutsch, Fachpraxis und der Weg zum Hauptschulabschluss.",
		needs: needs(nEdu, nLang, nWork), groups: groups(gYouth, gNew), cost: directory.CostFree,
		capMin: 18, capMax: 24, ageMin: 16, ageMax: 18, sched: schedCourse, langs: 0.1},
	"elternabend-schule": {cat: directory.CategoryEducationSupport, title: "Elterncafé: Das Schulsystem in NRW verstehen",
		desc:  "Informationsreihe für Eltern: Grundschule, Übergang auf die weiterführende Schule, Elternsprechtag und Zeugnisse – mit Sprachmittlung.",
		needs: needs(nEdu, nFam), groups: groups(gParents), cost: directory.CostFree,
		capMin: 10, capMax: 30, ageMin: -1, ageMax: -1, sched: schedWeekly, langs: 1.5},

	// Wohnen.
	"wohnraumberatung": {cat: directory.CategoryHousingSupport, title: "Wohnraumberatung und Wohnungsnotfallhilfe",
		desc:  "Hilfe bei drohendem Wohnungsverlust, Mietschulden und der Suche nach Wohnraum; Beratung zu Wohnberechtigungsschein und Kosten der Unterkunft.",
		needs: needs(nHouse, nFin), groups: groups(gAll), circuits: circuits(cII, cXII, cAsyl),
		cost: directory.CostFree, ageMin: 18, ageMax: -1, sched: schedOffice, langs: 0.6},
	"wohnungssuche": {cat: directory.CategoryHousingSupport, title: "Unterstützung bei der Wohnungssuche",
		desc:  "Begleitung bei der Wohnungssuche für Geflüchtete aus Gemeinschaftsunterkünften: Anzeigen lesen, Besichtigungstermine, Mietvertrag verstehen.",
		needs: needs(nHouse), groups: groups(gRefug, gFam), circuits: circuits(cII, cAsyl),
		cost: directory.CostFree, capMin: 10, capMax: 25, ageMin: 18, ageMax: -1, sched: schedWeekly, langs: 1.0},
	"wohnfuehrerschein": {cat: directory.CategoryHousingSupport, title: "Wohnführerschein",
		desc:  "Kurs in vier Terminen: Rechte und Pflichten als Mieterin und Mieter, Hausordnung, Mülltrennung, Heizen und Lüften, Nebenkosten.",
		needs: needs(nHouse, nPart), groups: groups(gRefug, gNew, gFam), cost: directory.CostFree,
		capMin: 10, capMax: 20, ageMin: 16, ageMax: -1, sched: schedWeekly, langs: 1.2},
	"mieterberatung": {cat: directory.CategoryHousingSupport, title: "Mietrechtsberatung",
		desc:  "Rechtsberatung rund um Mietvertrag, Nebenkostenabrechnung, Mängel und Kündigung.",
		needs: needs(nHouse), groups: groups(gAdults), cost: directory.CostPaid,
		ageMin: 18, ageMax: -1, sched: schedOffice, langs: 0.3},

	// Gesundheit.
	"psychosozial": {cat: directory.CategoryHealthService, title: "Psychosoziale Beratung für Geflüchtete",
		desc:  "Beratung und Stabilisierung für geflüchtete Menschen mit belastenden Erfahrungen; Vermittlung in Therapie, mit Dolmetscherinnen und Dolmetschern.",
		needs: needs(nHlth), groups: groups(gRefug, gAdults, gYouth), circuits: circuits(cAsyl, cII),
		cost: directory.CostFree, capMin: 10, capMax: 25, ageMin: 14, ageMax: -1, sched: schedOffice, langs: 1.6},
	"gesundheitslotsen": {cat: directory.CategoryHealthService, title: "Gesundheitslotsen – Infoveranstaltungen in vielen Sprachen",
		desc:  "Geschulte Lotsinnen und Lotsen informieren in ihrer Muttersprache über das Gesundheitssystem, Vorsorge, Impfungen und Kindergesundheit.",
		needs: needs(nHlth, nPart), groups: groups(gAll), cost: directory.CostFree,
		capMin: 10, capMax: 30, ageMin: -1, ageMax: -1, sched: schedWeekly, langs: 1.8},
	"impfberatung": {cat: directory.CategoryHealthService, title: "Impfsprechstunde und Schuleingangsuntersuchung",
		desc:  "Impfberatung und Impfungen für Kinder und Erwachsene, Schuleingangsuntersuchungen und Beratung durch den Kinder- und Jugendgesundheitsdienst.",
		needs: needs(nHlth, nEdu), groups: groups(gChild, gFam), circuits: circuits(cAsyl, cII),
		cost: directory.CostFree, ageMin: -1, ageMax: -1, sched: schedOffice, langs: 0.5},
	"fruehe-hilfen": {cat: directory.CategoryHealthService, title: "Frühe Hilfen – Familienhebamme und Willkommensbesuch",
		desc:  "Familienhebammen und Kinderkrankenpflegerinnen begleiten Familien im ersten Lebensjahr des Kindes, auf Wunsch zu Hause.",
		needs: needs(nHlth, nFam), groups: groups(gParents, gFam, gWomen), circuits: circuits(cVIII),
		cost: directory.CostFree, capMin: 20, capMax: 40, ageMin: -1, ageMax: -1, sched: schedOffice, langs: 0.8},
	"frauengesundheit": {cat: directory.CategoryHealthService, title: "Frauengesundheitstreff",
		desc:  "Austausch und Information zu Frauengesundheit, Verhütung, Schwangerschaft und Wechseljahren, mit einer Ärztin und Sprachmittlerinnen.",
		needs: needs(nHlth, nPart), groups: groups(gWomen), cost: directory.CostFree,
		capMin: 8, capMax: 20, ageMin: 16, ageMax: -1, sched: schedWeekly, langs: 1.5},

	// Recht.
	"asylverfahrensberatung": {cat: directory.CategoryLegalAdvice, title: "Asylverfahrensberatung",
		desc:  "Unabhängige Beratung vor und während des Asylverfahrens: Anhörung, Bescheide, Klagefristen und Dublin-Verfahren.",
		needs: needs(nRes, nAuth), groups: groups(gRefug), circuits: circuits(cAsyl, cAuf),
		cost: directory.CostFree, ageMin: -1, ageMax: -1, sched: schedOffice, langs: 1.5},
	"aufenthaltsrecht": {cat: directory.CategoryLegalAdvice, title: "Rechtsberatung im Aufenthaltsrecht",
		desc:  "Sprechstunde mit einer Rechtsanwältin zu Aufenthaltstiteln, Chancen-Aufenthaltsrecht, Duldung und Familiennachzug.",
		needs: needs(nRes), groups: groups(gAdults, gRefug, gFam), circuits: circuits(cAuf, cAsyl),
		cost: directory.CostFree, ageMin: -1, ageMax: -1, sched: schedWeekly, langs: 0.8, digital: 0.15},
	"antidiskriminierung": {cat: directory.CategoryLegalAdvice, title: "Antidiskriminierungsberatung",
		desc:  "Beratung und Begleitung bei Diskriminierung auf dem Wohnungsmarkt, bei der Arbeit, in Schule oder Behörden; Dokumentation von Vorfällen.",
		needs: needs(nPart, nHouse, nWork), groups: groups(gAll), cost: directory.CostFree,
		ageMin: -1, ageMax: -1, sched: schedOffice, langs: 1.0, digital: 0.15},
	"arbeitsrecht-eu": {cat: directory.CategoryLegalAdvice, title: "Arbeitsrechtsberatung für EU-Bürgerinnen und -Bürger",
		desc:  "Beratung bei ausstehendem Lohn, fehlendem Arbeitsvertrag oder Problemen mit Unterkunft beim Arbeitgeber – auf Rumänisch, Bulgarisch und Polnisch.",
		needs: needs(nWork, nHouse, nFin), groups: groups(gEU, gAdults), cost: directory.CostFree,
		ageMin: 18, ageMax: -1, sched: schedOffice, langs: 2.0},

	// Begegnung.
	"muettercafe": {cat: directory.CategoryMeetingPlace, title: "Mütter-Café",
		desc:  "Offener Treff für Mütter mit kleinen Kindern: Austausch, Frühstück, Fragen zu Kita, Schule und Gesundheit. Die Kinder spielen nebenan.",
		needs: needs(nPart, nFam), groups: groups(gWomen, gParents), childcare: 0.6, cost: directory.CostFree,
		ageMin: -1, ageMax: -1, sched: schedWeekly, langs: 1.3, volunteer: true},
	"fruehstueck": {cat: directory.CategoryMeetingPlace, title: "Interkulturelles Frauenfrühstück",
		desc:  "Frauen aus aller Welt frühstücken zusammen, jede bringt etwas mit. Mit wechselnden Themen und Gästen aus Beratungsstellen.",
		needs: needs(nPart), groups: groups(gWomen), childcare: 0.3, cost: directory.CostFree,
		ageMin: -1, ageMax: -1, sched: schedWeekly, langs: 1.2, volunteer: true},
	"begegnungscafe": {cat: directory.CategoryMeetingPlace, title: "Begegnungscafé",
		desc:  "Nachbarinnen und Nachbarn, Neuzugewanderte und Alteingesessene treffen sich bei Kaffee und Kuchen; Ehrenamtliche helfen bei Fragen.",
		needs: needs(nPart, nLang), groups: groups(gAll), cost: directory.CostFree,
		ageMin: -1, ageMax: -1, sched: schedWeekly, langs: 1.0, volunteer: true},
	"seniorentreff": {cat: directory.CategoryMeetingPlace, title: "Internationaler Seniorentreff",
		desc:  "Treffpunkt für ältere Menschen mit und ohne Migrationsgeschichte: Gespräche, Ausflüge, Informationen zu Pflege und Rente.",
		needs: needs(nPart, nHlth), groups: groups(gSenior), cost: directory.CostFree,
		ageMin: 60, ageMax: -1, sched: schedWeekly, langs: 1.0, volunteer: true},
	"jugendtreff": {cat: directory.CategoryMeetingPlace, title: "Offener Jugendtreff",
		desc:  "Offene Kinder- und Jugendarbeit: Kicker, Musik, Kochen, Hausaufgaben und ein offenes Ohr für Sorgen.",
		needs: needs(nPart, nEdu), groups: groups(gYouth, gChild), circuits: circuits(cVIII),
		cost: directory.CostFree, ageMin: 10, ageMax: 21, sched: schedAfternun, langs: 0.4},
	"nachbarschaftstreff": {cat: directory.CategoryMeetingPlace, title: "Nachbarschaftstreff im Quartier",
		desc:  "Stadtteiltreff mit Repair-Café, Kleidertausch, Gemeinschaftsgarten und offener Sprechstunde des Quartiersmanagements.",
		needs: needs(nPart), groups: groups(gAll), cost: directory.CostFree,
		ageMin: -1, ageMax: -1, sched: schedWeekly, langs: 0.5},

	// Sport und Freizeit.
	"schwimmen-frauen": {cat: directory.CategorySportsLeisure, title: "Schwimmkurs für Frauen",
		desc:  "Schwimmen lernen in geschütztem Rahmen: nur Frauen, Trainerinnen, Sichtschutz am Becken. Für Anfängerinnen ohne Vorkenntnisse.",
		needs: needs(nPart, nHlth), groups: groups(gWomen), cost: directory.CostReduced,
		capMin: 8, capMax: 14, ageMin: 16, ageMax: -1, sched: schedSport, langs: 0.6},
	"fussball": {cat: directory.CategorySportsLeisure, title: "Fußball für alle",
		desc:  "Offenes Training für Kinder und Jugendliche, ohne Vereinsbeitrag im ersten Jahr. Trainer sprechen mehrere Sprachen.",
		needs: needs(nPart), groups: groups(gChild, gYouth), cost: directory.CostFree,
		capMin: 15, capMax: 30, ageMin: 6, ageMax: 18, sched: schedSport, langs: 0.5, volunteer: true},
	"kinderturnen": {cat: directory.CategorySportsLeisure, title: "Eltern-Kind-Turnen",
		desc:  "Bewegung, Spiel und Spaß für Kinder von 2 bis 5 Jahren mit einem Elternteil.",
		needs: needs(nPart, nFam), groups: groups(gChild, gParents), cost: directory.CostReduced,
		capMin: 10, capMax: 16, ageMin: 2, ageMax: 5, sched: schedSport, langs: 0.2},
	"boxen": {cat: directory.CategorySportsLeisure, title: "Boxtraining für Jugendliche",
		desc:  "Training mit Regeln und Respekt: Boxen, Fitness und Gespräche für Jungen und Mädchen ab 12 Jahren.",
		needs: needs(nPart, nHlth), groups: groups(gYouth), cost: directory.CostFree,
		capMin: 12, capMax: 20, ageMin: 12, ageMax: 21, sched: schedSport, langs: 0.5},
	"radfahren-frauen": {cat: directory.CategorySportsLeisure, title: "Radfahrkurs für Frauen",
		desc:  "Radfahren lernen von Anfang an: Gleichgewicht, Verkehrsregeln und eine erste Tour durch den Stadtteil. Räder und Helme werden gestellt.",
		needs: needs(nPart), groups: groups(gWomen), cost: directory.CostFree,
		capMin: 6, capMax: 12, ageMin: 16, ageMax: -1, sched: schedSport, langs: 0.8, volunteer: true},
	"ferienprogramm": {cat: directory.CategorySportsLeisure, title: "Ferienprogramm für Kinder",
		desc:  "Ausflüge, Werkstätten und Spiele in den Sommerferien; Plätze für Kinder mit Bildungs- und Teilhabe-Leistungen kostenlos.",
		needs: needs(nPart), groups: groups(gChild, gYouth), circuits: circuits(cVIII, cII),
		cost: directory.CostReduced, capMin: 20, capMax: 60, ageMin: 6, ageMax: 14, sched: []string{"Sommerferien Mo–Fr 9:00–15:00", "Herbstferien Mo–Fr 10:00–14:00"}, langs: 0.2},
	"theater": {cat: directory.CategorySportsLeisure, title: "Interkulturelle Theatergruppe",
		desc:  "Junge und ältere Menschen aus vielen Ländern entwickeln zusammen ein Stück; Aufführung zum Ende der Spielzeit.",
		needs: needs(nPart, nLang), groups: groups(gAll), cost: directory.CostFree,
		capMin: 10, capMax: 20, ageMin: 14, ageMax: -1, sched: schedSport, langs: 0.6, volunteer: true},
	"chor": {cat: directory.CategorySportsLeisure, title: "Chor „Stimmen der Welt“",
		desc:  "Wir singen Lieder aus aller Welt – Noten lesen muss niemand. Neue Stimmen sind immer willkommen.",
		needs: needs(nPart), groups: groups(gAll), cost: directory.CostFree,
		ageMin: -1, ageMax: -1, sched: schedSport, langs: 0.5, volunteer: true},
	"tanz": {cat: directory.CategorySportsLeisure, title: "Tanzgruppe für Mädchen",
		desc:  "Moderne und traditionelle Tänze, Auftritte bei Stadtteilfesten; ein geschützter Raum für Mädchen von 10 bis 16 Jahren.",
		needs: needs(nPart), groups: groups(gYouth, gChild, gWomen), cost: directory.CostFree,
		capMin: 10, capMax: 18, ageMin: 10, ageMax: 16, sched: schedSport, langs: 0.6},

	// Sonstiges.
	"sprachmittler": {cat: directory.CategoryOther, title: "Sprachmittlerpool",
		desc:  "Geschulte Sprachmittlerinnen und Sprachmittler begleiten zu Gesprächen in Kita, Schule, Beratung und Behörden. Anfrage über die Fachkraft.",
		needs: needs(nAuth, nEdu, nHlth), groups: groups(gAll), cost: directory.CostFree,
		ageMin: -1, ageMax: -1, sched: schedOffice, langs: 3.0},
	"kleiderkammer": {cat: directory.CategoryOther, title: "Kleiderkammer",
		desc:  "Gut erhaltene Kleidung, Schuhe und Kinderwagen gegen eine kleine Spende, für alle mit geringem Einkommen.",
		needs: needs(nFin, nPart), groups: groups(gAll), cost: directory.CostReduced,
		ageMin: -1, ageMax: -1, sched: schedWeekly, langs: 0.4, volunteer: true},
	"tafel": {cat: directory.CategoryOther, title: "Lebensmittelausgabe",
		desc:  "Ausgabe gespendeter Lebensmittel gegen einen symbolischen Beitrag; Berechtigung mit Bescheid über Bürgergeld, Grundsicherung oder AsylbLG.",
		needs: needs(nFin), groups: groups(gAll), circuits: circuits(cII, cXII, cAsyl),
		cost: directory.CostReduced, ageMin: -1, ageMax: -1, sched: schedWeekly, langs: 0.5, volunteer: true},
	"patenschaften": {cat: directory.CategoryOther, title: "Patenschaftsprojekt „Ankommen“",
		desc:  "Ehrenamtliche Patinnen und Paten begleiten neu zugewanderte Familien im ersten Jahr: Behördengänge, Arzttermine, Freizeit.",
		needs: needs(nPart, nAuth), groups: groups(gFam, gNew, gRefug), cost: directory.CostFree,
		capMin: 10, capMax: 40, ageMin: -1, ageMax: -1, sched: []string{"nach Absprache"}, langs: 1.0, volunteer: true},
	"fahrradwerkstatt": {cat: directory.CategoryOther, title: "Fahrradwerkstatt zum Mitmachen",
		desc:  "Gemeinsam Räder reparieren; gespendete Fahrräder werden hergerichtet und an Familien weitergegeben.",
		needs: needs(nPart), groups: groups(gAll), cost: directory.CostFree,
		ageMin: -1, ageMax: -1, sched: schedWeekly, langs: 0.5, volunteer: true},
	"ehrenamt": {cat: directory.CategoryOther, title: "Ehrenamtskoordination Flüchtlingshilfe",
		desc:  "Wir bringen Menschen, die helfen möchten, mit Initiativen und Einrichtungen zusammen und bieten Schulungen für Ehrenamtliche an.",
		needs: needs(nPart), groups: groups(gAll), cost: directory.CostFree,
		ageMin: -1, ageMax: -1, sched: schedOffice, langs: 0.2},
}

// role is one of the fixed organisations every municipality has.
type role struct {
	key       string
	kind      directory.OrganisationKind
	name      string // {c}: the city
	desc      string
	parent    string // role key
	central   bool   // sits in the first (central) district
	mandatory []string
	extras    []string
	perScale  float64 // extra offers per Scale unit, for a city of 250,000
	domain    string
}

// roles, parents before their parts.
var roles = []role{
	{key: "city-integration", kind: directory.KindCityService, name: "Stadt {c} – Stadtdienst Integration", central: true, domain: "integration",
		desc:      "Der Stadtdienst Integration bündelt das Kommunale Integrationsmanagement (KIM) der Stadt {c}: strategische Steuerung, rechtskreisübergreifendes Case Management und die Zusammenarbeit mit der Ausländerbehörde.",
		mandatory: []string{"kim-cm", "sprachmittler", "patenschaften"}, extras: []string{"kim-cm", "ehrenamt", "sprachmittler"}, perScale: 1},
	{key: "city-social", kind: directory.KindCityService, name: "Stadt {c} – Stadtdienst Soziales", central: true, domain: "soziales",
		desc:      "Leistungen nach SGB XII und AsylbLG, Unterbringung Geflüchteter, Wohnungsnotfallhilfe.",
		mandatory: []string{"wohnraumberatung", "leistungen-asylblg"}, extras: []string{"wohnraumberatung", "sozialberatung", "leistungen-asylblg"}, perScale: 1},
	{key: "city-youth", kind: directory.KindCityService, name: "Stadt {c} – Stadtdienst Jugend", central: true, domain: "jugendfoerderung",
		desc:      "Kinder- und Jugendförderung: offene Jugendarbeit, Jugendzentren, Ferienangebote.",
		mandatory: []string{"jugendtreff", "ferienprogramm"}, extras: []string{"jugendtreff", "ferienprogramm", "boxen"}, perScale: 1.5},
	{key: "health", kind: directory.KindCityService, name: "Stadt {c} – Gesundheitsamt", central: true, domain: "gesundheitsamt",
		desc:      "Öffentlicher Gesundheitsdienst mit Kinder- und Jugendgesundheitsdienst, Impfstelle und sozialpsychiatrischem Dienst.",
		mandatory: []string{"impfberatung"}, extras: []string{"impfberatung", "gesundheitslotsen"}, perScale: 0.5},
	{key: "jobcenter", kind: directory.KindJobcenter, name: "Jobcenter {c}", central: true, domain: "jobcenter",
		desc:      "Grundsicherung für Arbeitsuchende (SGB II): Bürgergeld, Vermittlung, Förderung und Fallmanagement.",
		mandatory: []string{"jobcoaching", "jobturbo", "fallmanagement"}, extras: []string{"jobcoaching", "teilzeit-muetter", "berufssprachkurs", "bewerbungswerkstatt"}, perScale: 2},
	{key: "agency", kind: directory.KindEmploymentAgency, name: "Agentur für Arbeit {c}", central: true, domain: "arbeitsagentur",
		desc:      "Berufsberatung, Arbeitsvermittlung und Förderung nach SGB III, Anerkennungs- und Qualifizierungsberatung.",
		mandatory: []string{"berufsberatung", "anerkennung"}, extras: []string{"berufsberatung", "anerkennung"}, perScale: 0.7},
	{key: "immigration", kind: directory.KindImmigrationOffice, name: "Ausländer- und Einbürgerungsbüro {c}", central: true, domain: "auslaenderbehoerde",
		desc:      "Ausländerbehörde und Einbürgerung der Stadt {c}; im KIM mit eigenen Stellen für die Zusammenarbeit mit dem Case Management.",
		mandatory: []string{"aufenthalt-service", "einbuergerung"}, extras: []string{"aufenthalt-service", "einbuergerung"}, perScale: 0.5},
	{key: "ki", kind: directory.KindIntegrationCentre, name: "Kommunales Integrationszentrum {c}", central: true, domain: "ki",
		desc:      "Das Kommunale Integrationszentrum koordiniert Integration durch Bildung und als Querschnittsaufgabe: Seiteneinstieg Schule, Elternbildung, Sprachmittlung, Vernetzung der Migrantenorganisationen.",
		mandatory: []string{"seiteneinstieg", "rucksack", "antidiskriminierung", "gesundheitslotsen"}, extras: []string{"rucksack", "seiteneinstieg", "elternabend-schule", "kim-cm"}, perScale: 1.5},
	{key: "youth-office", kind: directory.KindYouthWelfareOffice, name: "Jugendamt {c}", central: true, domain: "jugendamt",
		desc:      "Allgemeiner Sozialer Dienst, Kindertagesbetreuung, Frühe Hilfen und Hilfen zur Erziehung nach SGB VIII.",
		mandatory: []string{"tagespflege", "fruehe-hilfen", "erziehungsberatung"}, extras: []string{"tagespflege", "fruehe-hilfen", "kinderbetreuung-kurs"}, perScale: 1},
	{key: "awo", kind: directory.KindWelfareAssociation, name: "AWO Kreisverband {c} e.V.", domain: "awo",
		desc:      "Arbeiterwohlfahrt: Kitas und Familienzentren, Beratung, offene Ganztagsschulen und Integrationsarbeit.",
		mandatory: []string{"passagegruppe", "schuldnerberatung", "muettercafe"}, extras: []string{"passagegruppe", "kinderbetreuung-kurs", "muettercafe", "wohnungssuche", "sprachcafe-frauen", "kita-plaetze"}, perScale: 2},
	{key: "caritas", kind: directory.KindWelfareAssociation, name: "Caritasverband {c} e.V.", domain: "caritas",
		desc:      "Verband der katholischen Kirche für soziale Arbeit: Beratung, Flüchtlingshilfe, Familienzentren.",
		mandatory: []string{"sozialberatung", "schwangerschaft", "ik-general"}, extras: []string{"sozialberatung", "psychosozial", "wohnungssuche", "ik-women", "spielgruppe", "begegnungscafe"}, perScale: 2},
	{key: "diakonie", kind: directory.KindWelfareAssociation, name: "Diakonie {c}", domain: "diakonie",
		desc:      "Diakonisches Werk der evangelischen Kirche: Flüchtlingsberatung, Wohnungslosenhilfe, Quartiersarbeit.",
		mandatory: []string{"asylverfahrensberatung", "wohnungssuche", "begegnungscafe"}, extras: []string{"asylverfahrensberatung", "kleiderkammer", "tafel", "spielgruppe", "sozialberatung", "nachbarschaftstreff"}, perScale: 2},
	{key: "paritaet", kind: directory.KindWelfareAssociation, name: "Der Paritätische – Kreisgruppe {c}", domain: "paritaet",
		desc:      "Dachverband freier Träger, berät und vernetzt Vereine und Migrantenselbstorganisationen.",
		mandatory: []string{"psychosozial", "ehrenamt"}, extras: []string{"psychosozial", "frauengesundheit", "patenschaften"}, perScale: 1},
	{key: "drk", kind: directory.KindWelfareAssociation, name: "DRK-Kreisverband {c} e.V.", domain: "drk",
		desc:      "Deutsches Rotes Kreuz: Betreuung von Gemeinschaftsunterkünften, Suchdienst, Kitas und Seniorenarbeit.",
		mandatory: []string{"seniorentreff", "kita-plaetze"}, extras: []string{"seniorentreff", "kleiderkammer", "kita-plaetze", "eok"}, perScale: 1},
	{key: "ib", kind: directory.KindWelfareAssociation, name: "Internationaler Bund (IB) – Bildungszentrum {c}", domain: "ib",
		desc:      "Freier Träger der Jugend-, Sozial- und Bildungsarbeit: Sprachkurse, Berufsvorbereitung, Jugendmigrationsdienst.",
		mandatory: []string{"ik-youth", "berufssprachkurs", "bewerbungswerkstatt"}, extras: []string{"ik-general", "ik-youth", "berufssprachkurs", "jobcoaching", "eok"}, perScale: 2},
	{key: "jmd", kind: directory.KindWelfareAssociation, name: "Jugendmigrationsdienst {c} des IB", parent: "ib", domain: "jmd",
		desc:      "Der Jugendmigrationsdienst (JMD) berät und begleitet junge Menschen mit Migrationsgeschichte von 12 bis 27 Jahren.",
		mandatory: []string{"jmd"}, extras: []string{"jmd", "hausaufgaben", "fussball"}, perScale: 1},
	{key: "mbe-awo", kind: directory.KindWelfareAssociation, name: "Migrationsberatung für Erwachsene (MBE) der AWO {c}", parent: "awo", domain: "mbe-awo",
		desc:      "Migrationsberatung für erwachsene Zugewanderte (MBE), gefördert vom Bund.",
		mandatory: []string{"mbe"}, extras: []string{"mbe"}, perScale: 1},
	{key: "mbe-caritas", kind: directory.KindWelfareAssociation, name: "Migrationsberatung für Erwachsene (MBE) der Caritas {c}", parent: "caritas", domain: "mbe-caritas",
		desc:      "Migrationsberatung für erwachsene Zugewanderte (MBE) im Caritas-Zentrum.",
		mandatory: []string{"mbe"}, extras: []string{"mbe"}, perScale: 1},
	{key: "mbe-diakonie", kind: directory.KindWelfareAssociation, name: "Migrationsberatung für Erwachsene (MBE) der Diakonie {c}", parent: "diakonie", domain: "mbe-diakonie",
		desc:      "Migrationsberatung für erwachsene Zugewanderte (MBE) der Diakonie.",
		mandatory: []string{"mbe"}, extras: []string{"mbe"}, perScale: 1},
	{key: "vhs", kind: directory.KindEducationProvider, name: "Volkshochschule {c}", central: true, domain: "vhs",
		desc:      "Die Volkshochschule ist der größte Träger von Integrations- und Sprachkursen in {c}, mit Kursen in allen Stadtbezirken.",
		mandatory: []string{"ik-general", "ik-women", "ik-parents", "ik-youth", "ik-literacy", "ik-second-script", "ik-intensive", "ik-support", "pflege-deutsch", "konversation"},
		extras:    []string{"ik-general", "ik-general", "ik-women", "ik-parents", "ik-literacy", "ik-second-script", "ik-intensive", "ik-support", "berufssprachkurs", "deutsch-kita-eltern"}, perScale: 4},
	{key: "ihk", kind: directory.KindChamber, name: "IHK – Geschäftsstelle {c}", central: true, domain: "ihk",
		desc:      "Industrie- und Handelskammer: Ausbildungsberatung, Anerkennung ausländischer Berufsabschlüsse (IHK FOSA), Willkommenslotsen.",
		mandatory: []string{"anerkennung"}, extras: []string{"anerkennung", "bewerbungswerkstatt"}, perScale: 0.3},
	{key: "hwk", kind: directory.KindChamber, name: "Handwerkskammer – Beratungsstelle {c}", central: true, domain: "handwerk",
		desc:      "Ausbildungs- und Anerkennungsberatung des Handwerks, Willkommenslotsen für Betriebe.",
		mandatory: []string{"handwerk-lotsen"}, extras: []string{"handwerk-lotsen"}, perScale: 0.3},
}

// archetype is a kind of local organisation that exists many times.
type archetype struct {
	kind     directory.OrganisationKind
	names    []string // {d}: district, {c}: city, {n}: a fictional name, {s}: a saint, {y}: a year
	desc     string
	langs    []string // the organisation's own languages besides German
	offers   []string // template keys
	min, max int      // offers at Scale 1
	weight   float64
	isolated float64 // probability of having no cooperation at all
	// perName: langs[k] belongs to names[k] alone; otherwise every
	// organisation of the archetype speaks all langs.
	perName bool
}

var archetypes = []archetype{
	{kind: directory.KindMigrantOrganisation, names: []string{"Deutsch-Syrischer Kulturverein „{n}“ e.V.", "Syrischer Familienverein {d}"}, langs: []string{"ar"},
		desc:   "Von Syrerinnen und Syrern gegründeter Verein: Begegnung, Elternarbeit, Hausaufgabenhilfe und Beratung auf Arabisch.",
		offers: []string{"muettercafe", "hausaufgaben", "beratung-muttersprache", "herkunftssprache", "fruehstueck"}, min: 1, max: 4, weight: 3, isolated: 0.15},
	{kind: directory.KindMigrantOrganisation, names: []string{"Afrikanischer Elternverein {d} e.V.", "Afrikanisches Frauennetzwerk „{n}“"}, langs: []string{"fr", "en"},
		desc:   "Netzwerk afrikanischer Familien: Elternbildung, Hausaufgabenhilfe, Frauentreff und Kulturveranstaltungen.",
		offers: []string{"elternabend-schule", "hausaufgaben", "fruehstueck", "beratung-muttersprache"}, min: 1, max: 3, weight: 1.5, isolated: 0.2},
	{kind: directory.KindMigrantOrganisation, names: []string{"Türkischer Elternverein {d} e.V.", "Deutsch-Türkischer Freundeskreis „{n}“"}, langs: []string{"tr"},
		desc:   "Elternverein mit langer Geschichte im Stadtteil: Schulberatung, Seniorenarbeit, Frauengruppe.",
		offers: []string{"elternabend-schule", "seniorentreff", "fruehstueck", "hausaufgaben"}, min: 1, max: 3, weight: 2, isolated: 0.1},
	{kind: directory.KindMigrantOrganisation, names: []string{"Ukrainischer Verein „{n}“", "Ukrainische Familieninitiative {d}"}, langs: []string{"uk", "ru"},
		desc:   "Seit 2022 aktive Initiative ukrainischer Familien: Beratung, Kinderprogramm, Sprachtreffs.",
		offers: []string{"beratung-muttersprache", "konversation", "herkunftssprache", "muettercafe"}, min: 1, max: 4, weight: 2, isolated: 0.1},
	{kind: directory.KindMigrantOrganisation, names: []string{"Eritreische Gemeinschaft {d} e.V.", "Eritreischer Kulturverein „{n}“"}, langs: []string{"ti"},
		desc:   "Treffpunkt eritreischer Familien: Beratung auf Tigrinya, Jugendgruppe, Feste.",
		offers: []string{"beratung-muttersprache", "fruehstueck", "fussball"}, min: 1, max: 2, weight: 1, isolated: 0.35},
	{kind: directory.KindMigrantOrganisation, names: []string{"Afghanischer Kultur- und Bildungsverein „{n}“", "Afghanische Frauengruppe {d}"}, langs: []string{"fa", "ps"},
		desc:   "Kultur- und Bildungsarbeit afghanischer Familien, Frauentreff auf Dari und Paschtu.",
		offers: []string{"fruehstueck", "beratung-muttersprache", "hausaufgaben"}, min: 1, max: 3, weight: 1.2, isolated: 0.3},
	{kind: directory.KindMigrantOrganisation, names: []string{"Kurdisches Gemeinschaftszentrum {d}"}, langs: []string{"ku", "tr", "ar"},
		desc:   "Gemeinschaftszentrum mit Beratung, Musik- und Tanzgruppen.",
		offers: []string{"beratung-muttersprache", "tanz", "seniorentreff"}, min: 1, max: 3, weight: 1, isolated: 0.2},
	{kind: directory.KindMigrantOrganisation, names: []string{"Polnischer Kulturkreis {d}", "Rumänisch-Deutscher Freundeskreis „{n}“", "Bulgarischer Eltern- und Kulturverein „{n}“"}, langs: []string{"pl", "ro", "bg"}, perName: true,
		desc:   "Verein zugewanderter Familien aus der EU: Beratung zu Arbeit und Sozialleistungen, Kinderprogramm.",
		offers: []string{"beratung-muttersprache", "arbeitsrecht-eu", "herkunftssprache"}, min: 1, max: 3, weight: 1.3, isolated: 0.2},
	{kind: directory.KindMigrantOrganisation, names: []string{"Russischsprachiger Familienverein „{n}“", "Somalischer Frauenverein {d}", "Irakischer Frauenverein „{n}“", "Marokkanischer Kulturverein „{n}“", "Griechische Gemeinde {d}", "Albanischer Kulturverein „{n}“"}, langs: []string{"ru", "so", "ar", "ar", "el", "sq"}, perName: true,
		desc:   "Selbstorganisation zugewanderter Familien: Begegnung, gegenseitige Hilfe, Elternarbeit.",
		offers: []string{"fruehstueck", "beratung-muttersprache", "muettercafe", "seniorentreff"}, min: 1, max: 2, weight: 2, isolated: 0.25},
	{kind: directory.KindMosque, names: []string{"DITIB-Gemeinde {d}", "Islamische Gemeinde An-Nur {d}", "Bosnisch-Islamische Gemeinde {d}", "Marokkanische Moscheegemeinde {d}", "Islamisches Kulturzentrum Al-Huda {d}"}, langs: []string{"tr", "ar", "bs", "ar", "ar"}, perName: true,
		desc:   "Moscheegemeinde mit Gebetsräumen, Frauen- und Jugendarbeit, Hausaufgabenhilfe und Seniorentreff.",
		offers: []string{"hausaufgaben", "fruehstueck", "seniorentreff", "sprachcafe-frauen", "beratung-muttersprache"}, min: 1, max: 3, weight: 2.5, isolated: 0.2},
	{kind: directory.KindChurch, names: []string{"Ev. Kirchengemeinde {d}", "Kath. Pfarrei St. {s} {d}", "Freie evangelische Gemeinde {d}"}, langs: nil,
		desc:   "Kirchengemeinde mit Familienzentrum, Begegnungscafé und ehrenamtlicher Flüchtlingshilfe.",
		offers: []string{"begegnungscafe", "kleiderkammer", "sprachcafe-frauen", "spielgruppe", "hausaufgaben", "patenschaften", "konversation"}, min: 1, max: 4, weight: 3, isolated: 0.1},
	{kind: directory.KindChurch, names: []string{"Rumänisch-Orthodoxe Gemeinde {d}", "Eritreisch-Orthodoxe Tewahedo-Gemeinde {d}", "Ukrainische griechisch-katholische Gemeinde {d}", "Internationale Baptistengemeinde {d}"}, langs: []string{"ro", "ti", "uk", "en"}, perName: true,
		desc:   "Gemeinde zugewanderter Christinnen und Christen, Gottesdienste in der Herkunftssprache, Beratung und Begegnung.",
		offers: []string{"beratung-muttersprache", "fruehstueck"}, min: 1, max: 2, weight: 1, isolated: 0.35},
	{kind: directory.KindSportsClub, names: []string{"SV {d} {y} e.V.", "TuS {d} {y}", "Boxclub {d}", "SC International {d}", "DJK {d}", "Schwimmverein {d} {y}"}, langs: nil,
		desc:   "Sportverein mit Integrationsangeboten, Partner im Programm „Integration durch Sport“.",
		offers: []string{"fussball", "schwimmen-frauen", "kinderturnen", "boxen", "radfahren-frauen"}, min: 1, max: 3, weight: 3, isolated: 0.2},
	{kind: directory.KindCulturalAssociation, names: []string{"Kulturzentrum „{n}“ {d}", "Interkultureller Chor {d}", "Theaterwerkstatt {d}", "Kunstverein Vielfalt {d}", "Musikschule Klangbrücke {d}", "Erzählcafé-Verein {d}"}, langs: nil,
		desc:   "Kulturverein, der Menschen unterschiedlicher Herkunft über Musik, Theater und Kunst zusammenbringt.",
		offers: []string{"theater", "chor", "tanz", "begegnungscafe"}, min: 1, max: 3, weight: 2, isolated: 0.2},
	{kind: directory.KindEducationProvider, names: []string{"Sprachinstitut „{n}“ {c}", "Sprachschule Lingua {d}", "Bildungswerk {d}"}, langs: []string{"en"},
		desc:   "Zugelassener Träger für Integrationskurse und Berufssprachkurse.",
		offers: []string{"ik-general", "ik-women", "ik-literacy", "ik-second-script", "ik-parents", "berufssprachkurs", "pflege-deutsch", "ik-intensive"}, min: 2, max: 5, weight: 1.5, isolated: 0.05},
	{kind: directory.KindEducationProvider, names: []string{"Gesamtschule {d}", "Grundschule {st}", "Berufskolleg {c}-{d}", "Realschule {d}"}, langs: nil,
		desc:   "Schule mit Vorbereitungsklassen, Schulsozialarbeit und Elterncafé.",
		offers: []string{"hausaufgaben", "elternabend-schule", "ifk", "but-lernfoerderung"}, min: 1, max: 2, weight: 2, isolated: 0.1},
	{kind: directory.KindEducationProvider, names: []string{"Familienbildungsstätte {d}", "Ev. Familienbildungswerk {d}"}, langs: nil,
		desc:   "Elternbildung, Eltern-Kind-Gruppen und Kurse rund um Familie und Gesundheit.",
		offers: []string{"spielgruppe", "rucksack", "deutsch-kita-eltern", "kinderturnen"}, min: 1, max: 3, weight: 0.8, isolated: 0.05},
	{kind: directory.KindOther, names: []string{"Familienzentrum {d}", "Familienzentrum „{n}“ {d}"}, langs: nil,
		desc:   "Kita und Familienzentrum im Stadtteil mit Beratungsangeboten für Eltern.",
		offers: []string{"kita-plaetze", "passagegruppe", "spielgruppe", "muettercafe", "deutsch-kita-eltern", "kinderbetreuung-kurs"}, min: 1, max: 3, weight: 2.5, isolated: 0.1},
	{kind: directory.KindOther, names: []string{"Stadtteilbüro {d}", "Nachbarschaftsheim {d}", "Quartiersmanagement {d}"}, langs: nil,
		desc:   "Anlaufstelle im Quartier für Nachbarschaft, Beteiligung und Beratung.",
		offers: []string{"nachbarschaftstreff", "sozialberatung", "begegnungscafe", "wohnfuehrerschein"}, min: 1, max: 3, weight: 1.5, isolated: 0.05},
	{kind: directory.KindOther, names: []string{"Tafel {c} – Ausgabestelle {d}", "Mieterverein {c} – Beratungsstelle {d}", "Flüchtlingshilfe {d} e.V.", "Psychosoziales Zentrum für Geflüchtete {d}", "Freiwilligenagentur {d}", "Fahrradwerkstatt {d} e.V."}, langs: nil,
		desc:   "Gemeinnützige Einrichtung im Netzwerk der Integrationsarbeit.",
		offers: []string{"tafel", "mieterberatung", "patenschaften", "psychosozial", "ehrenamt", "fahrradwerkstatt", "wohnungssuche"}, min: 1, max: 2, weight: 2, isolated: 0.15},
	{kind: directory.KindWelfareAssociation, names: []string{"AWO Familienzentrum {d}", "Caritas-Zentrum {d}", "Diakonie Quartiersbüro {d}", "DRK-Begegnungszentrum {d}"}, langs: nil,
		desc:   "Einrichtung eines Wohlfahrtsverbandes im Stadtteil.",
		offers: []string{"passagegruppe", "sozialberatung", "muettercafe", "kinderbetreuung-kurs", "wohnungssuche", "spielgruppe", "sprachcafe-frauen"}, min: 2, max: 4, weight: 1.5, isolated: 0},
	{kind: directory.KindChamber, names: []string{"Kreishandwerkerschaft {c} – Ausbildungsbüro {d}"}, langs: nil,
		desc:   "Ausbildungsberatung für Betriebe und junge Menschen.",
		offers: []string{"handwerk-lotsen"}, min: 1, max: 1, weight: 0.15, isolated: 0},
}

// fictional names for organisations; none is meant to be a real one.
var fictionalNames = []string{
	"Al-Amal", "Jasmin", "Nour", "Salam", "Mriya", "Kalyna", "Brücke", "Regenbogen", "Horizont", "Zukunft",
	"Köprü", "Hoffnung", "Baobab", "Sankofa", "Lotus", "Zeder", "Oase", "Sonnenblume", "Vielfalt", "Miteinander",
	"Sirius", "Kompass", "Weltenbummler", "Atlas", "Karawane", "Ilm", "Dost", "Prietenie", "Zora", "Aurora",
}

var saints = []string{"Joseph", "Clemens", "Laurentius", "Engelbert", "Michael", "Elisabeth", "Bonifatius", "Antonius", "Marien", "Suitbertus"}

// cityLanguages weights the languages of additional offers, roughly by the
// size of the communities in NRW cities.
var cityLanguages = []struct {
	code   string
	weight float64
}{
	{"ar", 30}, {"tr", 24}, {"uk", 20}, {"ru", 14}, {"en", 14}, {"fa", 11}, {"ku", 7}, {"ro", 6}, {"bg", 6},
	{"pl", 6}, {"fr", 5}, {"ps", 4}, {"ti", 3}, {"sq", 3}, {"el", 2}, {"so", 2}, {"it", 2}, {"es", 2}, {"ur", 1},
}

var coopTopics = []string{
	"Sprachförderung", "Arbeitsmarktintegration", "Frühe Hilfen", "Aufenthaltsrecht", "Wohnen", "Gesundheit",
	"Jugend", "Ehrenamt", "Schule und Bildung", "Fallkonferenzen", "Elternarbeit", "Antidiskriminierung",
}
