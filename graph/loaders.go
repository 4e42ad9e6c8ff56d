package graph

import (
	"context"
	"net/http"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// Loaders batch the nested fields of one request: every organisation,
// district, provider's offers and partner list asked for while resolving a
// level of the query is fetched with one store call.
type Loaders struct {
	Organisation *dataloadgen.Loader[string, *directory.Organisation]
	District     *dataloadgen.Loader[string, *directory.District]
	WorkingGroup *dataloadgen.Loader[string, *directory.WorkingGroup]
	Offers       *dataloadgen.Loader[string, []directory.Offer]       // by provider id
	Partners     *dataloadgen.Loader[string, []directory.Cooperation] // by organisation id
	Offer        *dataloadgen.Loader[string, *directory.Offer]        // by offer id (referrals)
}

// byID turns a store's "the records that exist among ids" into a loader
// fetch: one value per key, nil for an unknown id.
func byID[T any](get func(context.Context, []string) ([]T, error), id func(*T) string) func(context.Context, []string) ([]*T, []error) {
	return func(ctx context.Context, keys []string) ([]*T, []error) {
		list, err := get(ctx, keys)
		if err != nil {
			return nil, []error{err}
		}
		m := make(map[string]*T, len(list))
		for i := range list {
			m[id(&list[i])] = &list[i]
		}
		out := make([]*T, len(keys))
		for i, k := range keys {
			out[i] = m[k]
		}
		return out, nil
	}
}

// groupBy turns a store's "all records for these keys" into a loader fetch;
// keysOf names the one or two keys a record belongs to ("" for none). Each
// key's list is sized exactly, and a single key takes the store's list as it
// is: appending a provider's hundreds of offers one by one would copy them
// over and over.
func groupBy[T any](get func(context.Context, []string) ([]T, error), keysOf func(*T) (string, string)) func(context.Context, []string) ([][]T, []error) {
	return func(ctx context.Context, keys []string) ([][]T, []error) {
		list, err := get(ctx, keys)
		if err != nil {
			return nil, []error{err}
		}
		if len(keys) == 1 && allOf(list, keysOf, keys[0]) {
			return [][]T{list}, nil
		}
		n := make(map[string]int, len(keys))
		for i := range list {
			a, b := keysOf(&list[i])
			n[a]++
			if b != "" && b != a {
				n[b]++
			}
		}
		m := make(map[string][]T, len(n))
		add := func(k string, t *T) {
			if m[k] == nil {
				m[k] = make([]T, 0, n[k])
			}
			m[k] = append(m[k], *t)
		}
		for i := range list {
			a, b := keysOf(&list[i])
			add(a, &list[i])
			if b != "" && b != a {
				add(b, &list[i])
			}
		}
		out := make([][]T, len(keys))
		for i, k := range keys {
			out[i] = m[k]
		}
		return out, nil
	}
}

// allOf reports whether every record of list belongs to key.
func allOf[T any](list []T, keysOf func(*T) (string, string), key string) bool {
	for i := range list {
		if a, b := keysOf(&list[i]); a != key && b != key {
			return false
		}
	}
	return true
}

// BatchReader is what the loaders read through, one call per batch of ids;
// the service satisfies it, so the loaders reach the store only through it.
type BatchReader interface {
	OrganisationsByID(ctx context.Context, ids []string) ([]directory.Organisation, error)
	DistrictsByID(ctx context.Context, ids []string) ([]directory.District, error)
	WorkingGroupsByID(ctx context.Context, ids []string) ([]directory.WorkingGroup, error)
	OffersByProvider(ctx context.Context, providerIDs []string) ([]directory.Offer, error)
	CooperationsOf(ctx context.Context, ids []string) ([]directory.Cooperation, error)
	OffersByID(ctx context.Context, ids []string) ([]directory.Offer, error)
}

// NewLoaders returns fresh loaders over st; make one set per request.
func NewLoaders(st BatchReader) *Loaders {
	opts := []dataloadgen.Option{dataloadgen.WithWait(time.Millisecond), dataloadgen.WithBatchCapacity(500)}
	return &Loaders{
		Organisation: dataloadgen.NewLoader(byID(st.OrganisationsByID, func(o *directory.Organisation) string { return o.ID }), opts...),
		District:     dataloadgen.NewLoader(byID(st.DistrictsByID, func(d *directory.District) string { return d.ID }), opts...),
		WorkingGroup: dataloadgen.NewLoader(byID(st.WorkingGroupsByID, func(w *directory.WorkingGroup) string { return w.ID }), opts...),
		Offers: dataloadgen.NewLoader(groupBy(st.OffersByProvider, func(o *directory.Offer) (string, string) {
			return o.ProviderID, ""
		}), opts...),
		Partners: dataloadgen.NewLoader(groupBy(st.CooperationsOf, func(c *directory.Cooperation) (string, string) {
			return c.A, c.B
		}), opts...),
		Offer: dataloadgen.NewLoader(byID(st.OffersByID, func(o *directory.Offer) string { return o.ID }), opts...),
	}
}

type loadersKey struct{}

// LoadersFor returns the loaders of the request in ctx.
func LoadersFor(ctx context.Context) *Loaders {
	return ctx.Value(loadersKey{}).(*Loaders)
}

// WithLoaders attaches fresh loaders to every request, and lets its reads
// share one look at the store's change log (store.WithRequestVersion).
func WithLoaders(st BatchReader, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(store.WithRequestVersion(r.Context()), loadersKey{}, NewLoaders(st))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
