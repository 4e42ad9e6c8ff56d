package demo

import (
	"hash/fnv"
	"math"
	"strings"

	"github.com/lotse-kim/lotse/internal/directory"
)

// citySpec describes one municipality. The two demo cities carry hand-made
// districts; the other NRW cities get districts placed around their centre.
type citySpec struct {
	Code       string // id prefix: "sg", "wu", "koeln"
	Name       string
	Lat, Lon   float64
	Population int
	AreaCode   string
	PLZ        int
	Districts  []districtSpec
	// Ring names districts placed around the centre as "Name@bearing";
	// the first entry sits at the centre. Empty: compass names by size.
	Ring []string
}

type districtSpec struct {
	Slug       string
	Name       string
	Lat, Lon   float64
	RadiusKm   float64
	Population int
	PLZ        int
	Streets    []string
}

// Solingen and Wuppertal are hand-made: real Stadtbezirke, populations that
// add up to the cities' size, district centres near the real ones.
var solingen = citySpec{
	Code: "sg", Name: "Solingen", Lat: 51.171, Lon: 7.083, Population: 165000, AreaCode: "0212", PLZ: 42651,
	Districts: []districtSpec{
		{"mitte", "Mitte", 51.171, 7.083, 2.6, 48200, 42651, []string{"Hauptstraße", "Kölner Straße", "Mühlenplatz", "Entenpfuhl", "Goerdelerstraße", "Konrad-Adenauer-Straße", "Brühler Straße"}},
		{"ohligs", "Ohligs/Aufderhöhe/Merscheid", 51.163, 7.010, 3.0, 42600, 42697, []string{"Düsseldorfer Straße", "Bahnhofstraße", "Wilhelmstraße", "Hochstraße", "Sauerbreystraße", "Aufderhöher Straße", "Merscheider Straße"}},
		{"burg-hoehscheid", "Burg/Höhscheid", 51.150, 7.110, 3.2, 27800, 42659, []string{"Neuenhofer Straße", "Höhscheider Straße", "Schlossbergstraße", "Eschbachstraße", "Wiefeldicker Straße"}},
		{"wald", "Wald", 51.180, 7.045, 2.2, 24300, 42719, []string{"Stresemannstraße", "Friedrich-Ebert-Straße", "Walder Kirchplatz", "Focher Straße", "Bismarckstraße", "Eschenweg"}},
		{"graefrath", "Gräfrath", 51.205, 7.070, 2.4, 22100, 42653, []string{"Gerberstraße", "In der Freiheit", "Wuppertaler Straße", "Lützowstraße", "Heider Straße"}},
	},
}

var wuppertal = citySpec{
	Code: "wu", Name: "Wuppertal", Lat: 51.256, Lon: 7.150, Population: 361600, AreaCode: "0202", PLZ: 42103,
	Districts: []districtSpec{
		{"elberfeld", "Elberfeld", 51.256, 7.150, 2.0, 67400, 42103, []string{"Friedrich-Ebert-Straße", "Neumarkt", "Hofaue", "Luisenstraße", "Kasinostraße", "Morianstraße", "Gathe"}},
		{"elberfeld-west", "Elberfeld-West", 51.258, 7.110, 2.0, 28100, 42115, []string{"Sonnborner Straße", "Varresbecker Straße", "Zoostraße", "Briller Straße", "Nützenberger Straße"}},
		{"uellendahl-katernberg", "Uellendahl-Katernberg", 51.285, 7.140, 2.8, 37600, 42109, []string{"Uellendahler Straße", "Katernberger Straße", "Nevigeser Straße", "Röttgen", "Am Ringelbusch"}},
		{"vohwinkel", "Vohwinkel", 51.235, 7.070, 2.6, 31900, 42329, []string{"Kaiserstraße", "Vohwinkeler Straße", "Bahnstraße", "Gräfrather Straße", "Rubensstraße"}},
		{"cronenberg", "Cronenberg", 51.205, 7.135, 2.6, 21600, 42349, []string{"Hauptstraße", "Solinger Straße", "Herichhauser Straße", "Kemmannstraße", "Rathausplatz"}},
		{"barmen", "Barmen", 51.273, 7.200, 2.2, 60300, 42275, []string{"Werth", "Höhne", "Gemarker Ufer", "Unterdörnen", "Bachstraße", "Bredde"}},
		{"oberbarmen", "Oberbarmen", 51.275, 7.235, 2.0, 45200, 42277, []string{"Berliner Straße", "Wichlinghauser Straße", "Rittershauser Straße", "Schwarzbach", "Kreuzstraße"}},
		{"heckinghausen", "Heckinghausen", 51.262, 7.227, 1.8, 21400, 42289, []string{"Heckinghauser Straße", "Waldeckstraße", "Widukindstraße", "Brändströmstraße"}},
		{"langerfeld-beyenburg", "Langerfeld-Beyenburg", 51.280, 7.270, 3.2, 25100, 42389, []string{"Schwelmer Straße", "Langerfelder Straße", "Beyenburger Freiheit", "Inselstraße", "Spitzenstraße"}},
		{"ronsdorf", "Ronsdorf", 51.230, 7.220, 2.4, 23000, 42369, []string{"Staasstraße", "Lüttringhauser Straße", "Marktstraße", "Remscheider Straße", "Elias-Eller-Straße"}},
	},
}

// nrwCities are the other 52 municipalities of the NRW-scale network, with
// approximate centres and populations. Where the Stadtbezirke are well known
// they are named with a rough bearing from the centre.
var nrwCities = []citySpec{
	{Code: "koeln", Name: "Köln", Lat: 50.938, Lon: 6.960, Population: 1084000, AreaCode: "0221", PLZ: 50667,
		Ring: []string{"Innenstadt", "Nippes@0", "Mülheim@45", "Kalk@90", "Porz@135", "Rodenkirchen@180", "Lindenthal@225", "Ehrenfeld@280", "Chorweiler@325"}},
	{Code: "duesseldorf", Name: "Düsseldorf", Lat: 51.227, Lon: 6.774, Population: 629000, AreaCode: "0211", PLZ: 40210,
		Ring: []string{"Altstadt/Carlstadt/Pempelfort", "Rath/Mörsenbroich@20", "Flingern/Düsseltal@60", "Gerresheim/Grafenberg@95", "Eller/Lierenfeld@130", "Benrath/Wersten@165", "Bilk/Oberbilk@200", "Oberkassel/Heerdt@270", "Kaiserswerth/Angermund@345"}},
	{Code: "dortmund", Name: "Dortmund", Lat: 51.514, Lon: 7.468, Population: 595000, AreaCode: "0231", PLZ: 44135,
		Ring: []string{"Innenstadt-West", "Innenstadt-Nord@0", "Eving@30", "Scharnhorst@60", "Brackel@95", "Innenstadt-Ost@130", "Aplerbeck@150", "Hörde@185", "Hombruch@220", "Lütgendortmund@260", "Huckarde@295", "Mengede@325"}},
	{Code: "essen", Name: "Essen", Lat: 51.456, Lon: 7.012, Population: 584000, AreaCode: "0201", PLZ: 45127,
		Ring: []string{"Stadtkern/Ostviertel/Huttrop", "Altenessen/Karnap/Vogelheim@0", "Zollverein@40", "Steele/Kray@90", "Ruhrhalbinsel@140", "Rüttenscheid/Bergerhausen@175", "Werden/Kettwig/Bredeney@210", "Essen-West@265", "Borbeck@310"}},
	{Code: "duisburg", Name: "Duisburg", Lat: 51.435, Lon: 6.763, Population: 503000, AreaCode: "0203", PLZ: 47051,
		Ring: []string{"Mitte", "Walsum@355", "Hamborn@20", "Meiderich/Beeck@60", "Süd@170", "Rheinhausen@230", "Homberg/Ruhrort/Baerl@290"}},
	{Code: "bochum", Name: "Bochum", Lat: 51.482, Lon: 7.216, Population: 365000, AreaCode: "0234", PLZ: 44787,
		Ring: []string{"Mitte", "Nord@20", "Ost@90", "Süd@160", "Südwest@220", "Wattenscheid@280"}},
	{Code: "bielefeld", Name: "Bielefeld", Lat: 52.021, Lon: 8.535, Population: 338000, AreaCode: "0521", PLZ: 33602,
		Ring: []string{"Mitte", "Jöllenbeck@0", "Heepen@45", "Stieghorst@100", "Sennestadt@140", "Senne@180", "Brackwede@210", "Gadderbaum@240", "Dornberg@290", "Schildesche@330"}},
	{Code: "bonn", Name: "Bonn", Lat: 50.737, Lon: 7.098, Population: 336000, AreaCode: "0228", PLZ: 53111,
		Ring: []string{"Bonn", "Beuel@80", "Bad Godesberg@165", "Hardtberg@250"}},
	{Code: "muenster", Name: "Münster", Lat: 51.962, Lon: 7.626, Population: 320000, AreaCode: "0251", PLZ: 48143,
		Ring: []string{"Mitte", "Nord@0", "Ost@80", "Südost@135", "Hiltrup@185", "West@270"}},
	{Code: "moenchengladbach", Name: "Mönchengladbach", Lat: 51.186, Lon: 6.443, Population: 268000, AreaCode: "02161", PLZ: 41061},
	{Code: "gelsenkirchen", Name: "Gelsenkirchen", Lat: 51.518, Lon: 7.086, Population: 263000, AreaCode: "0209", PLZ: 45879,
		Ring: []string{"Mitte", "Nord@0", "Ost@90", "Süd@180", "West@270"}},
	{Code: "aachen", Name: "Aachen", Lat: 50.776, Lon: 6.084, Population: 252000, AreaCode: "0241", PLZ: 52062,
		Ring: []string{"Mitte", "Haaren@40", "Eilendorf@80", "Brand@130", "Kornelimünster/Walheim@165", "Laurensberg@320", "Richterich@350"}},
	{Code: "krefeld", Name: "Krefeld", Lat: 51.339, Lon: 6.586, Population: 228000, AreaCode: "02151", PLZ: 47798},
	{Code: "oberhausen", Name: "Oberhausen", Lat: 51.470, Lon: 6.852, Population: 210000, AreaCode: "0208", PLZ: 46045,
		Ring: []string{"Alt-Oberhausen", "Sterkrade@10", "Osterfeld@70"}},
	{Code: "hagen", Name: "Hagen", Lat: 51.367, Lon: 7.463, Population: 189000, AreaCode: "02331", PLZ: 58095,
		Ring: []string{"Mitte", "Nord@10", "Hohenlimburg@110", "Eilpe/Dahl@170", "Haspe@260"}},
	{Code: "hamm", Name: "Hamm", Lat: 51.681, Lon: 7.816, Population: 180000, AreaCode: "02381", PLZ: 59065,
		Ring: []string{"Mitte", "Bockum-Hövel@340", "Heessen@30", "Uentrop@90", "Rhynern@150", "Pelkum@220", "Herringen@270"}},
	{Code: "muelheim", Name: "Mülheim an der Ruhr", Lat: 51.427, Lon: 6.883, Population: 171000, AreaCode: "0208", PLZ: 45468,
		Ring: []string{"Rechtsruhr-Süd", "Rechtsruhr-Nord@30", "Linksruhr@270"}},
	{Code: "leverkusen", Name: "Leverkusen", Lat: 51.046, Lon: 6.984, Population: 167000, AreaCode: "0214", PLZ: 51373,
		Ring: []string{"Stadtbezirk I (Wiesdorf/Opladen-Süd)", "Stadtbezirk II (Opladen)@20", "Stadtbezirk III (Schlebusch)@90"}},
	{Code: "herne", Name: "Herne", Lat: 51.538, Lon: 7.219, Population: 157000, AreaCode: "02323", PLZ: 44623,
		Ring: []string{"Herne-Mitte", "Sodingen@80", "Eickel@230", "Wanne@300"}},
	{Code: "neuss", Name: "Neuss", Lat: 51.198, Lon: 6.692, Population: 154000, AreaCode: "02131", PLZ: 41460},
	{Code: "paderborn", Name: "Paderborn", Lat: 51.719, Lon: 8.755, Population: 153000, AreaCode: "05251", PLZ: 33098},
	{Code: "bottrop", Name: "Bottrop", Lat: 51.524, Lon: 6.929, Population: 117000, AreaCode: "02041", PLZ: 46236,
		Ring: []string{"Mitte", "Kirchhellen@0", "Süd@180"}},
	{Code: "remscheid", Name: "Remscheid", Lat: 51.179, Lon: 7.189, Population: 112000, AreaCode: "02191", PLZ: 42853,
		Ring: []string{"Alt-Remscheid", "Lennep@70", "Lüttringhausen@20", "Süd@190"}},
	{Code: "bergisch-gladbach", Name: "Bergisch Gladbach", Lat: 50.992, Lon: 7.136, Population: 112000, AreaCode: "02202", PLZ: 51465},
	{Code: "recklinghausen", Name: "Recklinghausen", Lat: 51.614, Lon: 7.197, Population: 111000, AreaCode: "02361", PLZ: 45657},
	{Code: "moers", Name: "Moers", Lat: 51.451, Lon: 6.627, Population: 104000, AreaCode: "02841", PLZ: 47441},
	{Code: "siegen", Name: "Siegen", Lat: 50.875, Lon: 8.024, Population: 102000, AreaCode: "0271", PLZ: 57072},
	{Code: "guetersloh", Name: "Gütersloh", Lat: 51.907, Lon: 8.379, Population: 102000, AreaCode: "05241", PLZ: 33330},
	{Code: "witten", Name: "Witten", Lat: 51.443, Lon: 7.335, Population: 96000, AreaCode: "02302", PLZ: 58452},
	{Code: "iserlohn", Name: "Iserlohn", Lat: 51.375, Lon: 7.700, Population: 92000, AreaCode: "02371", PLZ: 58636},
	{Code: "dueren", Name: "Düren", Lat: 50.804, Lon: 6.492, Population: 92000, AreaCode: "02421", PLZ: 52349},
	{Code: "ratingen", Name: "Ratingen", Lat: 51.297, Lon: 6.849, Population: 87000, AreaCode: "02102", PLZ: 40878},
	{Code: "luenen", Name: "Lünen", Lat: 51.616, Lon: 7.528, Population: 86000, AreaCode: "02306", PLZ: 44532},
	{Code: "marl", Name: "Marl", Lat: 51.656, Lon: 7.090, Population: 85000, AreaCode: "02365", PLZ: 45768},
	{Code: "velbert", Name: "Velbert", Lat: 51.338, Lon: 7.043, Population: 82000, AreaCode: "02051", PLZ: 42549,
		Ring: []string{"Velbert-Mitte", "Neviges@130", "Langenberg@60"}},
	{Code: "minden", Name: "Minden", Lat: 52.289, Lon: 8.916, Population: 82000, AreaCode: "0571", PLZ: 32423},
	{Code: "viersen", Name: "Viersen", Lat: 51.255, Lon: 6.395, Population: 77000, AreaCode: "02162", PLZ: 41747,
		Ring: []string{"Viersen", "Dülken@290", "Süchteln@340", "Boisheim@310"}},
	{Code: "rheine", Name: "Rheine", Lat: 52.279, Lon: 7.438, Population: 77000, AreaCode: "05971", PLZ: 48431},
	{Code: "troisdorf", Name: "Troisdorf", Lat: 50.816, Lon: 7.156, Population: 76000, AreaCode: "02241", PLZ: 53840},
	{Code: "gladbeck", Name: "Gladbeck", Lat: 51.572, Lon: 6.985, Population: 76000, AreaCode: "02043", PLZ: 45964},
	{Code: "dorsten", Name: "Dorsten", Lat: 51.661, Lon: 6.965, Population: 75000, AreaCode: "02362", PLZ: 46282},
	{Code: "detmold", Name: "Detmold", Lat: 51.938, Lon: 8.880, Population: 75000, AreaCode: "05231", PLZ: 32756},
	{Code: "castrop-rauxel", Name: "Castrop-Rauxel", Lat: 51.555, Lon: 7.311, Population: 74000, AreaCode: "02305", PLZ: 44575},
	{Code: "arnsberg", Name: "Arnsberg", Lat: 51.397, Lon: 8.064, Population: 74000, AreaCode: "02932", PLZ: 59821,
		Ring: []string{"Arnsberg", "Neheim@330", "Hüsten@300", "Oeventrop@120"}},
	{Code: "luedenscheid", Name: "Lüdenscheid", Lat: 51.219, Lon: 7.628, Population: 72000, AreaCode: "02351", PLZ: 58507},
	{Code: "bocholt", Name: "Bocholt", Lat: 51.838, Lon: 6.615, Population: 71000, AreaCode: "02871", PLZ: 46395},
	{Code: "lippstadt", Name: "Lippstadt", Lat: 51.673, Lon: 8.344, Population: 68000, AreaCode: "02941", PLZ: 59555},
	{Code: "dinslaken", Name: "Dinslaken", Lat: 51.567, Lon: 6.743, Population: 67000, AreaCode: "02064", PLZ: 46535},
	{Code: "herford", Name: "Herford", Lat: 52.115, Lon: 8.673, Population: 67000, AreaCode: "05221", PLZ: 32052},
	{Code: "kerpen", Name: "Kerpen", Lat: 50.870, Lon: 6.696, Population: 66000, AreaCode: "02237", PLZ: 50171},
	{Code: "grevenbroich", Name: "Grevenbroich", Lat: 51.091, Lon: 6.585, Population: 64000, AreaCode: "02181", PLZ: 41515},
	{Code: "bergheim", Name: "Bergheim", Lat: 50.955, Lon: 6.639, Population: 62000, AreaCode: "02271", PLZ: 50126},
}

// MaxMunicipalities is the number of municipalities Generate knows.
const MaxMunicipalities = 54

// cities returns the first n municipalities: Solingen and Wuppertal first.
func cities(n int) []citySpec {
	all := append([]citySpec{solingen, wuppertal}, nrwCities...)
	if n <= 0 {
		n = 2
	}
	if n > len(all) {
		n = len(all)
	}
	return all[:n]
}

// genericStreets serve the cities without hand-made street lists.
var genericStreets = []string{
	"Hauptstraße", "Bahnhofstraße", "Kirchstraße", "Schulstraße", "Gartenstraße", "Lindenstraße",
	"Friedrich-Ebert-Straße", "Kaiserstraße", "Marktplatz", "Goethestraße", "Schillerstraße", "Mühlenweg",
	"Bergstraße", "Wilhelmstraße", "Ringstraße", "Am Rathaus", "Parkstraße", "Beethovenstraße",
	"Kantstraße", "Luisenstraße", "Rosenstraße", "Talstraße", "Sedanstraße", "Moltkestraße",
}

var compass = []struct {
	name    string
	bearing float64
}{{"Nord", 0}, {"Nordost", 45}, {"Ost", 90}, {"Südost", 135}, {"Süd", 180}, {"Südwest", 225}, {"West", 270}, {"Nordwest", 315}}

// districts builds the Stadtbezirke of a city. They depend only on the city,
// never on the seed, so district ids and figures are the same in every
// generated network.
func (c citySpec) districts() []districtSpec {
	if c.Districts != nil {
		return c.Districts
	}
	ring := c.Ring
	if ring == nil {
		n := 4
		switch {
		case c.Population >= 250000:
			n = 8
		case c.Population >= 150000:
			n = 6
		case c.Population >= 90000:
			n = 5
		}
		ring = []string{"Mitte"}
		for i := 0; i < n-1; i++ {
			k := i * len(compass) / (n - 1)
			ring = append(ring, compass[k].name+"@"+ftoa(compass[k].bearing))
		}
	}
	// A city of this size covers about pop/2200 km²; districts share it.
	cityR := math.Sqrt(float64(c.Population) / 2200 / math.Pi)
	dR := math.Round(cityR/math.Sqrt(float64(len(ring)))*1.15*10) / 10
	weights := make([]float64, len(ring))
	sum := 0.0
	for i, r := range ring {
		name, _, _ := strings.Cut(r, "@")
		w := 0.75 + 0.5*hashUnit(c.Code+"/"+name)
		if i == 0 {
			w *= 1.4
		}
		weights[i] = w
		sum += w
	}
	out := make([]districtSpec, len(ring))
	left := c.Population
	centre := directory.GeoPoint{Lat: c.Lat, Lon: c.Lon}
	for i, r := range ring {
		name, bearing, ok := strings.Cut(r, "@")
		p := centre
		if ok {
			p = offset(centre, cityR*0.62, atof(bearing))
		}
		pop := int(math.Round(float64(c.Population)*weights[i]/sum/100) * 100)
		if i == len(ring)-1 {
			pop = left
		}
		left -= pop
		out[i] = districtSpec{
			Slug: slug(name), Name: name, Lat: p.Lat, Lon: p.Lon, RadiusKm: dR, Population: pop,
			PLZ: c.PLZ + i*2, Streets: genericStreets,
		}
	}
	return out
}

// hashUnit maps s to [0,1) without touching any random source.
func hashUnit(s string) float64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return float64(h.Sum64()>>11) / (1 << 53)
}

const kmPerDegLat = directory.EarthRadiusKm * math.Pi / 180

// offset moves c by km in the direction bearingDeg (0 = north, 90 = east).
func offset(c directory.GeoPoint, km, bearingDeg float64) directory.GeoPoint {
	b := bearingDeg * math.Pi / 180
	lat := c.Lat + km*math.Cos(b)/kmPerDegLat
	lon := c.Lon + km*math.Sin(b)/(kmPerDegLat*math.Cos(c.Lat*math.Pi/180))
	return directory.GeoPoint{Lat: round6(lat), Lon: round6(lon)}
}

func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

var slugReplacer = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "é", "e", "„", "", "“", "")

// slug turns a German name into an ASCII id part: "Burg/Höhscheid" → "burg-hoehscheid".
func slug(s string) string {
	s = strings.ToLower(s)
	s = slugReplacer.Replace(s)
	var b strings.Builder
	dash := true
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}
