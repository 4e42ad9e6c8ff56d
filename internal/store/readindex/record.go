package readindex

import (
	"encoding/binary"
	"math"
	"slices"
	"time"
	"unsafe"

	"github.com/lotse-kim/lotse/internal/directory"
)

// offerRec is one offer as the index keeps it: what searching and ordering
// read on every candidate as plain fields, the rest packed into one byte
// string (rest) that only the page's offers are unpacked from. A
// directory.Offer is over 300 bytes of string, slice and pointer headers
// and a dozen small allocations before its text; packed, the NRW set's
// offers take about half the memory.
type offerRec struct {
	rest               []byte // id, title, then the other fields (packOffer); never written once packed
	idEnd, titleEnd    uint32 // where id and title end in rest
	provider, district string // interned, as are schedule and contact
	schedule, contact  string
	updated            time.Time // the order UPDATED_AT, kept as stored
	freeKey            int64     // the order FREE_PLACES: free places, -1 unknown
}

// id and title are the offer's, read in place: one allocation per offer
// instead of three, which is what the collector's marking costs.
func (r *offerRec) id() string { return unsafe.String(unsafe.SliceData(r.rest), r.idEnd) }
func (r *offerRec) title() string {
	return unsafe.String(unsafe.SliceData(r.rest[r.idEnd:]), r.titleEnd-r.idEnd)
}

// Flags of a packed offer.
const (
	packChildcare = 1 << iota
	packDigital
	packConfidential
	packCapacity
	packFreePlaces
	packAgeMin
	packAgeMax
	packLocation
)

// packOffer packs o's id and title, then the fields that offerRec does
// not hold as fields, and returns where id and title end.
func packOffer(o *directory.Offer) (b []byte, idEnd, titleEnd uint32) {
	b = make([]byte, 0, 64+len(o.ID)+len(o.Title)+len(o.Description)+len(o.Address))
	b = append(append(b, o.ID...), o.Title...)
	idEnd, titleEnd = uint32(len(o.ID)), uint32(len(o.ID)+len(o.Title))
	var flags byte
	for _, f := range []struct {
		on  bool
		bit byte
	}{{o.Childcare, packChildcare}, {o.Digital, packDigital}, {o.ConfidentialAddress, packConfidential},
		{o.Capacity != nil, packCapacity}, {o.FreePlaces != nil, packFreePlaces}, {o.AgeMin != nil, packAgeMin},
		{o.AgeMax != nil, packAgeMax}, {o.Location != nil, packLocation}} {
		if f.on {
			flags |= f.bit
		}
	}
	b = append(b, flags)
	for _, p := range []*int{o.Capacity, o.FreePlaces, o.AgeMin, o.AgeMax} {
		if p != nil {
			b = binary.AppendVarint(b, int64(*p))
		}
	}
	if o.Location != nil {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(o.Location.Lat))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(o.Location.Lon))
	}
	b = packCode(b, directory.OfferCategories, o.Category)
	b = packCode(b, directory.CourseTypes, o.CourseType)
	b = packCode(b, directory.Costs, o.Cost)
	b = packCode(b, directory.Fundings, o.Funding)
	b = packCode(b, directory.OfferStatuses, o.Status)
	b = packCode(b, directory.Visibilities, o.Visibility)
	b = packCodes(b, directory.NeedAreas, o.Needs)
	b = packCodes(b, directory.TargetGroups, o.TargetGroups)
	b = packCodes(b, directory.LegalCircuits, o.LegalCircuits)
	b = packCodes(b, nil, o.Languages)
	b = packString(b, o.Description)
	b = packString(b, o.Address)
	return slices.Clip(b), idEnd, titleEnd
}

func packString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// literal marks a code outside its vocabulary, written out.
const literal = 255

// packCode writes v as 1 + its position in vocab, 0 for "", or as literal text.
func packCode[T ~string](b []byte, vocab []T, v T) []byte {
	if v == "" {
		return append(b, 0)
	}
	if i := slices.Index(vocab, v); i >= 0 && i < literal-1 {
		return append(b, byte(i+1))
	}
	return packString(append(b, literal), string(v))
}

// packCodes writes a list: its length + 1 (0: nil), then its codes.
func packCodes[T ~string](b []byte, vocab []T, l []T) []byte {
	if l == nil {
		return append(b, 0)
	}
	b = binary.AppendUvarint(b, uint64(len(l))+1)
	for _, v := range l {
		b = packCode(b, vocab, v)
	}
	return b
}

// unpacker reads a packed offer. Its strings point into the packed bytes
// (unsafe.String): they are never written once packed, and an offer handed
// out keeps them alive as long as it needs them.
type unpacker struct {
	b []byte
	i int
}

func (u *unpacker) uvarint() uint64 {
	v, n := binary.Uvarint(u.b[u.i:])
	u.i += n
	return v
}

func (u *unpacker) varint() int64 {
	v, n := binary.Varint(u.b[u.i:])
	u.i += n
	return v
}

func (u *unpacker) float() float64 {
	v := math.Float64frombits(binary.LittleEndian.Uint64(u.b[u.i:]))
	u.i += 8
	return v
}

func (u *unpacker) str() string {
	n := int(u.uvarint())
	if n == 0 {
		return ""
	}
	s := unsafe.String(&u.b[u.i], n)
	u.i += n
	return s
}

func unpackCode[T ~string](u *unpacker, vocab []T) T {
	c := u.b[u.i]
	u.i++
	switch c {
	case 0:
		return ""
	case literal:
		return T(u.str())
	}
	return vocab[c-1]
}

func unpackCodes[T ~string](u *unpacker, vocab []T) []T {
	n := u.uvarint()
	if n == 0 {
		return nil
	}
	l := make([]T, n-1)
	for i := range l {
		l[i] = unpackCode(u, vocab)
	}
	return l
}

// offer unpacks the whole offer: a fresh value the caller may change.
func (r *offerRec) offer() directory.Offer {
	o := directory.Offer{ID: r.id(), Title: r.title(), ProviderID: r.provider, DistrictID: r.district,
		Schedule: r.schedule, Contact: r.contact, UpdatedAt: r.updated}
	u := &unpacker{b: r.rest, i: int(r.titleEnd)}
	flags := u.b[u.i]
	u.i++
	o.Childcare, o.Digital, o.ConfidentialAddress = flags&packChildcare != 0, flags&packDigital != 0, flags&packConfidential != 0
	for _, f := range []struct {
		bit byte
		p   **int
	}{{packCapacity, &o.Capacity}, {packFreePlaces, &o.FreePlaces}, {packAgeMin, &o.AgeMin}, {packAgeMax, &o.AgeMax}} {
		if flags&f.bit != 0 {
			v := int(u.varint())
			*f.p = &v
		}
	}
	if flags&packLocation != 0 {
		o.Location = &directory.GeoPoint{Lat: u.float(), Lon: u.float()}
	}
	o.Category = unpackCode(u, directory.OfferCategories)
	o.CourseType = unpackCode(u, directory.CourseTypes)
	o.Cost = unpackCode(u, directory.Costs)
	o.Funding = unpackCode(u, directory.Fundings)
	o.Status = unpackCode(u, directory.OfferStatuses)
	o.Visibility = unpackCode(u, directory.Visibilities)
	o.Needs = unpackCodes(u, directory.NeedAreas)
	o.TargetGroups = unpackCodes(u, directory.TargetGroups)
	o.LegalCircuits = unpackCodes(u, directory.LegalCircuits)
	o.Languages = unpackCodes[string](u, nil)
	o.Description = u.str()
	o.Address = u.str()
	return o
}
