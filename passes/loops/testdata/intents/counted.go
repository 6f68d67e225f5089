package intents

// A counted loop up to the length of a list the code defines walks that
// list: one iteration per schema migration from the stored version on.

var migrations = [...]func() error{
	func() error { return nil },
	func() error { return nil },
}

var schemaVersion = len(migrations)

func migrate(current int) {
	for version := current; version < schemaVersion; version++ {
		if err := migrations[version](); err != nil {
			return
		}
		write(version + 1) // want `not per-iteration`
	}
}

const stepCount = len(migrations)

func migrateConst(current int) {
	for v := current; stepCount > v; v++ {
		write(v) // want `not per-iteration`
	}
}

func walkSettings() {
	for i := 0; i < len(settingItems); i++ {
		write(&settingItems[i]) // want `not per-iteration`
	}
	for i := range len(settingItems) {
		write(&settingItems[i]) // want `not per-iteration`
	}
}

// Look-alikes: a length that data sets, or a bound that changes.

var migratedTo = len(migrations)

func setMigratedTo(n int) { migratedTo = n }

func countedLookAlikeChangedBound(current int) {
	for v := current; v < migratedTo; v++ {
		write(v) // want `per-iteration of v < migratedTo \(per-element\)`
	}
}

func countedLookAlikeLoadedList() {
	for i := 0; i < len(loadedAtInit); i++ {
		write(loadedAtInit[i]) // want `per-iteration of loadedAtInit \(per-element\)`
	}
}

func countedLookAlikeMore(current, extra int) {
	for v := current; v < schemaVersion+extra; v++ {
		write(v) // want `per-iteration of v < schemaVersion \+ extra \(per-element\)`
	}
	for v := current; v <= schemaVersion*extra; v++ {
		write(v) // want `per-iteration of v <= schemaVersion \* extra \(per-element\)`
	}
}

// A variadic parameter is an argument list the caller writes out, unless
// some call spreads a slice into it. Calls in other packages are not seen,
// so an exported function counts only when its elements are values of an
// enumeration.

func grant(roles ...role) {
	for _, r := range roles {
		write(r) // want `not per-iteration`
	}
	for i := 0; i < len(roles); i++ {
		write(roles[i]) // want `not per-iteration`
	}
}

func grantCallers() {
	grant(role{"admin"})
	grant(role{"a"}, role{"b"})
}

func grantSpread(roles ...role) {
	for _, r := range roles {
		write(r) // want `per-iteration of roles \(per-element\)`
	}
}

func grantSpreadCaller() { grantSpread(loadRoles()...) }

func grantAsValue(roles ...role) {
	for _, r := range roles {
		write(r) // want `per-iteration of roles \(per-element\)`
	}
}

var granter = grantAsValue

func grantReassigned(roles ...role) {
	roles = append(roles, loadRoles()...)
	for _, r := range roles {
		write(r) // want `per-iteration of roles \(per-element\)`
	}
}

type store struct{}

func (store) Grant(roles ...role) {
	for _, r := range roles {
		write(r) // want `per-iteration of roles \(per-element\)`
	}
}

type granterIface interface{ Grant(roles ...role) }

func grantThroughInterface(g granterIface) { g.Grant(loadRoles()...) }

func grantLiteral() {
	f := func(roles ...role) {
		for _, r := range roles {
			write(r) // want `per-iteration of roles \(per-element\)`
		}
	}
	f(role{"a"})
}

type Permission string

const (
	PermRead  Permission = "read"
	PermWrite Permission = "write"
)

func Grant(user string, perms ...Permission) {
	for _, p := range perms {
		write(user, p) // want `not per-iteration`
	}
}

// Look-alikes: an exported function of records, which another package may
// call with a loaded slice (SaveBookmarks(ctx, books...)); an enumeration
// spread here.

func SaveRoles(roles ...role) {
	for _, r := range roles {
		write(r) // want `per-iteration of roles \(per-element\)`
	}
}

func saveRolesCaller() { SaveRoles(role{"a"}) }

func Revoke(user string, perms ...Permission) {
	for _, p := range perms {
		write(user, p) // want `per-iteration of perms \(per-element\)`
	}
}

func revokeLoaded(user string, loaded []Permission) { Revoke(user, loaded...) }

type Level int

func SetLevels(levels ...Level) {
	for _, l := range levels {
		write(l) // want `per-iteration of levels \(per-element\)`
	}
}
