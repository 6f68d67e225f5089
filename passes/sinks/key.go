package sinks

import "strings"

// Key names the finding a write makes, for Diagnostic.Category: the
// library, the operation, and the wrapper or else the table or topic, as in
// "pgx:insert:users" or "database/sql:insert:(*repo.Store).Save". Baselines
// key findings on it, so it depends on what is written, never on how a
// message words it.
func (w *Write) Key() string {
	op := strings.ToLower(w.Op)
	if op == "" {
		op = "exec"
	}
	parts := []string{op}
	if w.Lib != "" {
		parts = []string{w.Lib, op}
	}
	switch {
	case w.Via != nil:
		parts = append(parts, FuncName(w.Via.Func))
	case w.Target != "":
		parts = append(parts, w.Target)
	}
	return strings.Join(parts, ":")
}

// FuncName turns types.Func.FullName's "(*example.com/app/repo.Store).Save"
// into "(*repo.Store).Save".
func FuncName(full string) string {
	out := make([]byte, 0, len(full))
	start := 0
	for i := 0; i < len(full); i++ {
		switch full[i] {
		case '/':
			out = out[:len(out)-(i-start)]
			start = i + 1
			continue
		case '(', ')', '*', ' ', '[', ']', ',':
			start = i + 1
		}
		out = append(out, full[i])
	}
	return string(out)
}
