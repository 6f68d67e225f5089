package intents

// Bounded over literals of any element type: structs, arrays, pointers,
// maps and tables of test-like cases, directly or through a variable that
// keeps its initializer.

type role struct{ Name string }

func seedInline() {
	for _, r := range []role{{Name: "admin"}, {Name: "editor"}, {Name: "viewer"}} {
		write(&r) // want `not per-iteration`
	}
}

func seedPointers() {
	for _, r := range []*role{{Name: "admin"}, {Name: "editor"}} {
		write(r) // want `not per-iteration`
	}
}

func pairs() {
	for _, p := range [][2]string{{"users", "id"}, {"orders", "user_id"}} {
		write(p[0], p[1]) // want `not per-iteration`
	}
}

func fixedArray() {
	for _, t := range [3]string{"a", "b", "c"} {
		write(t) // want `not per-iteration`
	}
}

func mapLiteral() {
	for name, r := range map[string]role{"admin": {Name: "Admin"}, "viewer": {Name: "Viewer"}} {
		write(name, r) // want `not per-iteration`
	}
}

// defaultRoles is seeded at startup and never changed.
var defaultRoles = []role{{Name: "admin"}, {Name: "editor"}, {Name: "viewer"}}

func seedVar() error {
	for _, r := range defaultRoles {
		if err := write(&r); err != nil { // want `not per-iteration`
			return err
		}
	}
	return nil
}

func seedVarIndexed() {
	for i := range defaultRoles {
		write(&defaultRoles[i]) // want `not per-iteration`
	}
}

// Changing an element changes no count.
func renameDefault(name string) { defaultRoles[0].Name = name }

var tables = map[string]string{"users": "id", "orders": "user_id"}

func indexTables() {
	for t, col := range tables {
		write(t, col) // want `not per-iteration`
	}
}

func seedLocal() {
	grants := [][2]string{{"admin", "all"}, {"viewer", "read"}}
	for _, g := range grants {
		write(g[0], g[1]) // want `not per-iteration`
	}
}

func cases() {
	steps := []struct {
		name string
		run  func() error
	}{
		{"schema", func() error { return nil }},
		{"seed", func() error { return nil }},
	}
	for _, s := range steps {
		write(s.name, s.run()) // want `not per-iteration`
	}
}

func keyedSmall() {
	for _, s := range []string{0: "a", 3: "d"} {
		write(s) // want `not per-iteration`
	}
}

// Look-alikes: more items than the threshold, or a variable that does not
// keep its initializer.

func roleLookAlikeLong() {
	for _, r := range []role{{"a"}, {"b"}, {"c"}, {"d"}, {"e"}, {"f"}, {"g"}, {"h"}, {"i"}} {
		write(r) // want `per-iteration of \[\]role{…} \(per-element\)`
	}
}

func roleLookAlikeLongArray() {
	for _, r := range [16]role{{Name: "a"}} {
		write(r) // want `per-iteration of \[16\]role{…} \(per-element\)`
	}
}

func roleLookAlikeKeyedPadding() {
	for _, s := range []string{20: "last"} {
		write(s) // want `per-iteration of \[\]string{…} \(per-element\)`
	}
}

var registered = []role{{Name: "admin"}}

func register(r role) { registered = append(registered, r) }

func roleLookAlikeAppended() {
	for _, r := range registered {
		write(r) // want `per-iteration of registered \(per-element\)`
	}
}

func loadRoles() []role { return nil }

func roleLookAlikeFromFunc() {
	roles := loadRoles()
	for _, r := range roles {
		write(r) // want `per-iteration of roles \(per-element\)`
	}
}

func roleLookAlikeLocalAppended(extra []role) {
	roles := []role{{Name: "admin"}}
	roles = append(roles, extra...)
	for _, r := range roles {
		write(r) // want `per-iteration of roles \(per-element\)`
	}
}

// roleList grows through a pointer method: registry.add(r) is
// (&registry).add(r).
type roleList []role

func (l *roleList) add(r role) { *l = append(*l, r) }

var registry = roleList{{Name: "admin"}}

func addRole(r role) { registry.add(r) }

func roleLookAlikePointerMethod() {
	for _, r := range registry {
		write(r) // want `per-iteration of registry \(per-element\)`
	}
}

var limits = map[string]int{"default": 10}

func setLimit(tenant string, n int) { limits[tenant] = n }

func mapLookAlikeStored() {
	for tenant, n := range limits {
		write(tenant, n) // want `per-iteration of limits \(per-element\)`
	}
}

// A list the code defines elsewhere, at any length: a package-level
// variable that keeps its literal, exported or not, or the result of a
// function of this package whose every return is a literal.

var settingItems = []role{
	{"a"}, {"b"}, {"c"}, {"d"}, {"e"}, {"f"}, {"g"}, {"h"}, {"i"}, {newName()},
}

func newName() string { return "" }

func seedSettings() {
	for i := range settingItems {
		item := &settingItems[i]
		write(item) // want `not per-iteration`
	}
}

var DefaultSettings = map[string]string{
	"a": "1", "b": "2", "c": "3", "d": "4", "e": "5", "f": "6", "g": "7", "h": "8", "secret": newName(),
}

func seedDefaults() {
	for k, v := range DefaultSettings {
		write(k, v) // want `not per-iteration`
	}
}

func defaultLabels() []role {
	return []role{{"a"}, {"b"}, {"c"}, {"d"}, {"e"}, {"f"}, {"g"}, {"h"}, {"i"}}
}

func seedLabels() {
	for _, l := range defaultLabels() {
		write(l) // want `not per-iteration`
	}
	labels := defaultLabels()
	for _, l := range labels {
		write(l) // want `not per-iteration`
	}
}

func defaultsFor(admin bool) []role {
	if admin {
		return []role{{"admin"}, {"a"}, {"b"}, {"c"}, {"d"}, {"e"}, {"f"}, {"g"}, {"h"}}
	}
	return []role{{"viewer"}}
}

func seedDefaultsFor(admin bool) {
	for _, r := range defaultsFor(admin) {
		write(r) // want `not per-iteration`
	}
}

// Declared empty and only ever set to a literal.
var taskItems []role

func initialTasks() []role {
	taskItems = []role{{"a"}, {"b"}, {"c"}, {"d"}, {"e"}, {"f"}, {"g"}, {"h"}, {"i"}}
	return taskItems
}

func seedTasks() {
	initialTasks()
	for i := range taskItems {
		write(&taskItems[i]) // want `not per-iteration`
	}
}

// Look-alikes: a list that data can grow or fill.

var toolItems []role

func initialTools() {
	toolItems = []role{{"a"}}
	toolItems = append(toolItems, loadRoles()...)
}

func roleLookAlikeSetThenAppended() {
	for _, r := range toolItems {
		write(r) // want `per-iteration of toolItems \(per-element\)`
	}
}

var grownItems = []role{{"a"}, {"b"}, {"c"}, {"d"}, {"e"}, {"f"}, {"g"}, {"h"}, {"i"}}

func addItem(r role) { grownItems = append(grownItems, r) }

func roleLookAlikeGrownVar() {
	for _, r := range grownItems {
		write(r) // want `per-iteration of grownItems \(per-element\)`
	}
}

var loadedAtInit = loadRoles()

func roleLookAlikeLoadedVar() {
	for _, r := range loadedAtInit {
		write(r) // want `per-iteration of loadedAtInit \(per-element\)`
	}
}

var filledAtInit = []role{{"a"}}

func init() { filledAtInit = loadRoles() }

func roleLookAlikeFilledVar() {
	for _, r := range filledAtInit {
		write(r) // want `per-iteration of filledAtInit \(per-element\)`
	}
}

var Limits = map[string]string{"a": "1", "b": "2", "c": "3", "d": "4", "e": "5", "f": "6", "g": "7", "h": "8", "i": "9"}

func addLimits(m map[string]string) { m["j"] = "10" }

func init() { addLimits(Limits) }

func roleLookAlikeHandedMap() {
	for k, v := range Limits {
		write(k, v) // want `per-iteration of Limits \(per-element\)`
	}
}

func rolesOrLoaded(all bool) []role {
	if all {
		return loadRoles()
	}
	return []role{{"admin"}}
}

func roleLookAlikeOnePathLoaded(all bool) {
	for _, r := range rolesOrLoaded(all) {
		write(r) // want `per-iteration of rolesOrLoaded\(all\) \(per-element\)`
	}
}

func withExtra(extra []role) []role {
	return append([]role{{"admin"}}, extra...)
}

func roleLookAlikeParamResult(extra []role) {
	for _, r := range withExtra(extra) {
		write(r) // want `per-iteration of withExtra\(extra\) \(per-element\)`
	}
}

func roleLookAlikeClosureLiteral() []role {
	build := func() []role { return []role{{"a"}} }
	_ = build
	return loadRoles()
}

func roleLookAlikeInnerLiteral() {
	for _, r := range roleLookAlikeClosureLiteral() {
		write(r) // want `per-iteration of roleLookAlikeClosureLiteral\(\) \(per-element\)`
	}
}
