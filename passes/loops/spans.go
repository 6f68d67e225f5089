package loops

import (
	"go/ast"
	"go/token"
	"slices"
	"sort"
)

type spanKind uint8

const (
	// bodySpan is a loop's per-iteration code.
	bodySpan spanKind = iota
	// litSpan is a function literal; it runs where its sites are.
	litSpan
	// guardSpan is code that runs only when a size threshold or a timer
	// fires: the flush of accumulated records.
	guardSpan
	// exitSpan is a branch that always leaves the loops named by exit.
	exitSpan
)

// span is one interval of the tree. Spans come from AST nodes (or suffixes
// of one statement list), so any two are nested or disjoint.
type span struct {
	pos, end token.Pos
	kind     spanKind
	parent   *span
	loop     *Loop      // bodySpan
	next     *span      // bodySpan: the span holding the loop statement or call
	sites    []ast.Node // litSpan: calls that run the literal
	exit     exit       // exitSpan
}

// exit says which loops a branch leaves for good.
type exit struct {
	all  bool     // panic, os.Exit, log.Fatal: every loop
	fn   bool     // return: every loop of the function
	loop ast.Node // break: this loop statement and the loops inside it
}

func (e exit) ok() bool { return e.all || e.fn || e.loop != nil }

// leaves reports whether e leaves loop statement l.
func (e exit) leaves(l ast.Node) bool {
	if e.all || e.fn {
		return true
	}
	return e.loop != nil && l != nil && e.loop.Pos() <= l.Pos() && l.End() <= e.loop.End()
}

// narrower returns the exit that leaves fewer loops: when both branches of
// an if leave, the statement as a whole leaves at least the inner target.
func narrower(a, b exit) exit {
	switch {
	case a.loop != nil && b.loop != nil:
		if b.loop.Pos() > a.loop.Pos() {
			return b
		}
		return a
	case a.loop != nil:
		return a
	case b.loop != nil:
		return b
	case a.fn || b.fn:
		return exit{fn: true}
	}
	return a
}

// leaving accumulates the exits passed while walking up from a node.
type leaving struct {
	all, fn bool
	loops   []ast.Node
}

func (l *leaving) add(e exit) {
	l.all = l.all || e.all
	l.fn = l.fn || e.fn
	if e.loop != nil {
		l.loops = append(l.loops, e.loop)
	}
}

func (l leaving) leaves(n ast.Node) bool {
	if l.all || l.fn {
		return true
	}
	for _, t := range l.loops {
		if (exit{loop: t}).leaves(n) {
			return true
		}
	}
	return false
}

// maxHops bounds how many function-literal call sites one query follows;
// literals cannot call themselves without reassignment (which disqualifies
// them), so this only guards against surprises.
const maxHops = 64

// add registers a span.
func (r *Result) add(s *span) {
	if s.pos.IsValid() && s.end >= s.pos {
		r.spans = append(r.spans, s)
	}
}

// link sorts the spans and sets each one's parent.
func (r *Result) link() {
	sort.SliceStable(r.spans, func(i, j int) bool {
		a, b := r.spans[i], r.spans[j]
		if a.pos != b.pos {
			return a.pos < b.pos
		}
		return a.end > b.end
	})
	var stack []*span
	for _, s := range r.spans {
		for len(stack) > 0 {
			top := stack[len(stack)-1]
			if top.pos <= s.pos && s.end <= top.end {
				break
			}
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			s.parent = stack[len(stack)-1]
		}
		stack = append(stack, s)
	}
}

// innermost returns the smallest span holding all of n, or nil.
func (r *Result) innermost(n ast.Node) *span {
	pos, end := n.Pos(), n.End()
	if !pos.IsValid() {
		return nil
	}
	// The last span starting at or before pos is nested in every span that
	// holds pos, so the answer is it or one of its ancestors.
	i := sort.Search(len(r.spans), func(i int) bool { return r.spans[i].pos > pos }) - 1
	if i < 0 {
		return nil
	}
	for s := r.spans[i]; s != nil; s = s.parent {
		if s.pos <= pos && end <= s.end {
			return s
		}
	}
	return nil
}

func (r *Result) enclosingFrom(s *span, hops int) *Loop {
	for s != nil {
		switch s.kind {
		case bodySpan:
			return s.loop
		case litSpan:
			if hops >= maxHops {
				return nil
			}
			for _, site := range s.sites {
				if l := r.enclosingFrom(r.innermost(site), hops+1); l != nil {
					return l
				}
			}
			return nil
		}
		s = s.parent
	}
	return nil
}

// perIteration also reports whether the way up from s to the loop passed
// a call that launches a goroutine.
func (r *Result) perIteration(s *span, left leaving, hops int) (*Loop, bool) {
	for s != nil {
		switch s.kind {
		case guardSpan:
			return nil, false
		case exitSpan:
			left.add(s.exit)
		case litSpan:
			if hops >= maxHops {
				return nil, false
			}
			// A return inside the literal only ends the call; a panic
			// still unwinds the loops around the call site.
			inner := leaving{all: left.all}
			for _, site := range s.sites {
				if l, launched := r.perIteration(r.innermost(site), inner, hops+1); l != nil {
					return l, launched || r.launches[site]
				}
			}
			return nil, false
		case bodySpan:
			l := s.loop
			if _, callback := l.Node.(*ast.CallExpr); callback {
				// A return in a callback ends one call: the iterator
				// goes on with the next element.
				left.fn = false
			}
			if left.leaves(l.Node) {
				// n runs at most once per run of this loop: whether that
				// is per element is up to the loops around it. A break
				// out of this loop says nothing about those.
				left.loops = slices.DeleteFunc(slices.Clone(left.loops), func(t ast.Node) bool { return t == l.Node })
			} else if !l.Intent.transparent() {
				if l.Intent != PerElement {
					return nil, false
				}
				if l.repeat {
					// A repeat inside a loop over data: the data's loop
					// is the one whose trip count the write follows.
					if outer, launched := r.perIteration(s.next, left, hops); outer != nil {
						return outer, launched
					}
				}
				return l, false
			}
			s = s.next
			continue
		}
		s = s.parent
	}
	return nil, false
}
