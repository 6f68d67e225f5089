package knowledge

// GeneratedSave is a one-object save that a library generates into the
// user's module (sqlboiler's (*User).Insert): a method named Name on a
// pointer to a struct, with a parameter of one of the Handle types, the
// executor it runs on. Op names the statement; the library's Bulk[Op] is
// the batched form.
type GeneratedSave struct {
	Name   string
	Op     string
	Handle []TypeName
}

// GeneratedSaves yields every library's generated saves, with the library.
var GeneratedSaves = each(func(l *Library) []GeneratedSave { return l.GeneratedSaves })
