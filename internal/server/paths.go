package server

import (
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// checkPaths bounds how often one response path (`me.role`) is selected
// in an operation, fragments expanded, and how deep and wide the merged
// response is. gqlparser's OverlappingFieldsCanBeMerged compares every two
// fields of one response path, and the fields below them again: n
// selections of one path cost n², also when they hide in nested repeats
// (`me { x x } me { x x }`) or in fragments. Every operation of the
// document counts, as the validator checks them all.
//
// The walk goes breadth-first by response path and sums multiplicities
// instead of expanding fragments, so a fragment spread many times costs
// one pass per path it appears at, not one per spread.
func (l Limits) checkPaths(doc *ast.QueryDocument) *gqlerror.Error {
	order, ok := fragmentOrder(doc)
	if !ok {
		return nil // a fragment cycle: the validator refuses it
	}
	w := pathWalker{limits: l, order: order}
	for _, op := range doc.Operations {
		if err := w.level(nil, 0, []pathItem{{op.SelectionSet, 1}}); err != nil {
			return err
		}
	}
	return nil
}

// maxPathDepth ends the walk on paths deeper than any document within
// the token limit can write without a fragment cycle.
const maxPathDepth = DefaultMaxTokens / 2

type pathItem struct {
	set  ast.SelectionSet
	mult int // how many times this selection set is selected at the path
}

type pathWalker struct {
	limits Limits
	order  []*ast.FragmentDefinition // spreading fragments before spread ones
	paths  int                       // response paths visited so far
}

// responsePath is a path of response names, innermost first.
type responsePath struct {
	parent *responsePath
	key    string
}

func (p *responsePath) String() string {
	if p == nil {
		return ""
	}
	if p.parent == nil {
		return p.key
	}
	return p.parent.String() + "." + p.key
}

func (w *pathWalker) level(path *responsePath, depth int, items []pathItem) *gqlerror.Error {
	l := w.limits
	if depth > maxPathDepth {
		// Depth itself is cheap to validate (and limited after it, where
		// introspection's ofType chains are told apart); this only stops
		// a fragment cycle through fields, which the validator refuses.
		return nil
	}
	counts := map[string]int{}
	var keys []string // first-seen order, so that errors are stable
	next := map[string][]pathItem{}
	fragMult := map[string]int{}
	var scan func(set ast.SelectionSet, m int)
	scan = func(set ast.SelectionSet, m int) {
		for _, sel := range set {
			switch x := sel.(type) {
			case *ast.Field:
				key := x.Alias
				if key == "" {
					key = x.Name
				}
				if _, seen := counts[key]; !seen {
					keys = append(keys, key)
				}
				counts[key] = sat(counts[key], m)
				if len(x.SelectionSet) > 0 {
					next[key] = append(next[key], pathItem{x.SelectionSet, m})
				}
			case *ast.InlineFragment:
				scan(x.SelectionSet, m)
			case *ast.FragmentSpread:
				fragMult[x.Name] = sat(fragMult[x.Name], m)
			}
		}
	}
	for _, it := range items {
		scan(it.set, it.mult)
	}
	// A fragment's multiplicity is complete once every fragment spreading
	// it at this level has been scanned: order has those first.
	if len(fragMult) > 0 {
		for _, f := range w.order {
			if m := fragMult[f.Name]; m > 0 {
				scan(f.SelectionSet, m)
			}
		}
	}
	for _, k := range keys {
		if n := counts[k]; l.MaxFieldRepeats > 0 && n > l.MaxFieldRepeats {
			return refused(CodeFieldRepeatLimit, "%q is selected %d times (fragments expanded), which exceeds the limit of %d repeats of one field",
				(&responsePath{path, k}).String(), n, l.MaxFieldRepeats)
		}
	}
	w.paths += len(keys)
	if l.MaxComplexity > 0 && w.paths > l.MaxComplexity {
		return refused(CodeComplexityLimit, "operation selects more than %d distinct fields (fragments expanded), which exceeds the complexity limit", l.MaxComplexity)
	}
	for _, k := range keys {
		if sub := next[k]; len(sub) > 0 {
			if err := w.level(&responsePath{path, k}, depth+1, sub); err != nil {
				return err
			}
		}
	}
	return nil
}

// fragmentOrder sorts the fragments so that one spreading another at the
// same level (not inside a field) comes before it; false on a cycle.
func fragmentOrder(doc *ast.QueryDocument) ([]*ast.FragmentDefinition, bool) {
	const (
		unseen = iota
		active
		done
	)
	state := map[string]int{}
	var post []*ast.FragmentDefinition
	var visit func(f *ast.FragmentDefinition) bool
	var spreads func(set ast.SelectionSet) bool
	spreads = func(set ast.SelectionSet) bool {
		for _, sel := range set {
			switch x := sel.(type) {
			case *ast.InlineFragment:
				if !spreads(x.SelectionSet) {
					return false
				}
			case *ast.FragmentSpread:
				if g := doc.Fragments.ForName(x.Name); g != nil && !visit(g) {
					return false
				}
			}
		}
		return true
	}
	visit = func(f *ast.FragmentDefinition) bool {
		switch state[f.Name] {
		case active:
			return false
		case done:
			return true
		}
		state[f.Name] = active
		if !spreads(f.SelectionSet) {
			return false
		}
		state[f.Name] = done
		post = append(post, f)
		return true
	}
	for _, f := range doc.Fragments {
		if !visit(f) {
			return nil, false
		}
	}
	// post has spread fragments before the ones spreading them; reverse.
	for i, j := 0, len(post)-1; i < j; i, j = i+1, j-1 {
		post[i], post[j] = post[j], post[i]
	}
	return post, true
}
