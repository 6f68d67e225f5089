package producers

import "slices"

// state is what is known about a configuration at one program point.
type state struct {
	set map[string]Setting
	// opaque: code this pass cannot follow may have changed the
	// configuration, so absent keys are not known to be defaults.
	opaque bool
	// producing: an option that configures producing is present.
	producing bool
}

func newState() *state { return &state{set: map[string]Setting{}} }

func opaqueState() *state { return &state{set: map[string]Setting{}, opaque: true} }

func (s *state) clone() *state {
	c := &state{set: make(map[string]Setting, len(s.set)), opaque: s.opaque, producing: s.producing}
	for k, v := range s.set {
		c.set[k] = v
	}
	return c
}

// add applies src after s: later settings win, as with options.
func (s *state) add(src *state) {
	if src.opaque {
		// Options not seen may override any earlier one.
		for k, v := range s.set {
			s.set[k] = Setting{Set: true, Pos: v.Pos}
		}
	}
	for k, v := range src.set {
		s.set[k] = v
	}
	s.opaque = s.opaque || src.opaque
	s.producing = s.producing || src.producing
}

// merge joins the states of two paths: a setting stays known only when
// both paths agree on it. Known values set explicitly on only some paths
// are kept in Some, so that a zero the code writes on one branch is still
// seen.
func merge(a, b *state) *state {
	out := &state{set: map[string]Setting{}, opaque: a.opaque || b.opaque, producing: a.producing || b.producing}
	for k, x := range a.set {
		y, ok := b.set[k]
		if ok && x.Known && y.Known && x.Int == y.Int && x.Str == y.Str {
			out.set[k] = x
			continue
		}
		out.set[k] = Setting{Set: true, Pos: x.Pos, Some: union(x.paths(), y.paths())}
	}
	for k, y := range b.set {
		if _, ok := a.set[k]; !ok {
			out.set[k] = Setting{Set: true, Pos: y.Pos, Some: y.paths()}
		}
	}
	return out
}

// paths are the explicit known values s stands for on its paths.
func (s Setting) paths() []Setting {
	if s.Known && s.Set {
		return []Setting{s}
	}
	return s.Some
}

// union joins two lists of settings, each setting once.
func union(a, b []Setting) []Setting {
	out := append([]Setting(nil), a...)
	for _, y := range b {
		if !slices.ContainsFunc(out, func(x Setting) bool { return x.Pos == y.Pos && x.Int == y.Int && x.Str == y.Str }) {
			out = append(out, y)
		}
	}
	return out
}
