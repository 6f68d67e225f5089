package sinks

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// hole stands in SQL text for a part whose value is not known statically (a
// %s verb, a non-constant operand of +). The lexer turns it into a token of
// its own, so a hole where a table name or a VALUES list belongs is visible.
const hole = "\uFFFD"

// SQLClass is what one SQL statement does, as far as batching goes.
type SQLClass struct {
	// Op is "INSERT", "UPDATE", "DELETE", "UPSERT" or "MERGE" for a
	// statement that modifies rows, "COPY" for COPY, else "" (reads, DDL,
	// transaction control, text that is not recognised).
	Op string
	// Target is the table written, when it is a plain name.
	Target string
	// Many reports that one execution writes a set of rows: multi-row
	// VALUES, INSERT ... SELECT ... FROM, unnest(...), = ANY($n), a VALUES
	// list that is filled in at run time.
	Many bool
	// Args reports bind parameters ($1, ?, :name, @name) or parts filled in
	// at run time. A statement without them does the same thing on every
	// execution: a set-based statement, not a row per call.
	Args bool
	// InList reports a bind parameter that is the whole list of an IN:
	// IN ?, IN (?), IN @ids. The ORMs' raw APIs expand a slice bound there
	// into the list (gorm any slice, bun bun.In and bun.List), so there one
	// execution writes a set.
	InList bool
	// Sqlc is the query name of an sqlc "-- name: X :cmd" header, and
	// SqlcCmd its command (":exec", ":copyfrom", ...).
	Sqlc, SqlcCmd string
}

// PerRow reports that each execution of the statement writes one row (or a
// few, keyed by parameters): the shape that costs a round trip per record.
func (c SQLClass) PerRow() bool {
	if !c.Args {
		return false
	}
	switch c.Op {
	case "INSERT", "UPDATE", "DELETE", "UPSERT", "MERGE":
		return !c.Many
	}
	return false
}

type tokKind int

const (
	tWord tokKind = iota
	tPunct
	tString
	tParam
	tNumber
	tHole
)

type sqlTok struct {
	kind tokKind
	text string // upper-cased for words
	raw  string
}

// ClassifySQL classifies the first statement of a SQL text.
func ClassifySQL(text string) SQLClass {
	var c SQLClass
	c.Sqlc, c.SqlcCmd = sqlcHeader(text)
	toks := lexSQL(text)
	// Only the first statement counts: a script that starts with DDL is a
	// migration, whatever follows it.
	for i, t := range toks {
		if t.kind == tPunct && t.text == ";" {
			if i == 0 {
				continue
			}
			toks = toks[:i]
			break
		}
	}
	for len(toks) > 0 && toks[0].kind == tPunct && (toks[0].text == ";" || toks[0].text == "(") {
		toks = toks[1:]
	}
	if len(toks) == 0 || toks[0].kind != tWord {
		return c
	}
	for _, t := range toks {
		if t.kind == tParam || t.kind == tHole {
			c.Args = true
		}
	}
	c.InList = inListParam(toks)
	switch toks[0].text {
	case "INSERT":
		c.Op, c.Target, c.Many = classifyInsert(toks)
	case "UPSERT", "REPLACE":
		c.Op, c.Target, c.Many = classifyInsert(toks)
		if c.Op != "" {
			c.Op = "UPSERT"
		}
	case "UPDATE":
		c.Op = "UPDATE"
		c.Target = tableAfter(toks, 1, "ONLY")
		c.Many = setBased(toks)
	case "DELETE":
		if i := indexWord(toks, 1, "FROM"); i == 1 {
			c.Op = "DELETE"
			c.Target = tableAfter(toks, 2, "ONLY")
			c.Many = setBased(toks)
		}
	case "MERGE":
		if i := indexWord(toks, 1, "INTO"); i == 1 {
			c.Op = "MERGE"
			c.Target = tableAfter(toks, 2, "ONLY")
			c.Many = setBased(toks)
		}
	case "COPY":
		c.Op = "COPY"
		c.Target = tableAfter(toks, 1)
		c.Many = true
	case "WITH":
		c.Op, c.Target, c.Many = classifyCTE(toks)
	}
	return c
}

// sqlcHeader reads sqlc's "-- name: CreateUser :exec" first line.
func sqlcHeader(text string) (name, cmd string) {
	rest, ok := strings.CutPrefix(text, "-- name: ")
	if !ok {
		return "", ""
	}
	line, _, _ := strings.Cut(rest, "\n")
	f := strings.Fields(line)
	if len(f) < 2 || !strings.HasPrefix(f[1], ":") {
		return "", ""
	}
	return f[0], f[1]
}

// classifyInsert handles INSERT/REPLACE/UPSERT INTO t [(cols)] VALUES ... |
// SELECT ... | DEFAULT VALUES [ON CONFLICT ...].
func classifyInsert(toks []sqlTok) (op, target string, many bool) {
	i := 1
	if i < len(toks) && toks[i].kind == tWord && (toks[i].text == "IGNORE" || toks[i].text == "OR") {
		// MySQL INSERT IGNORE, SQLite INSERT OR REPLACE.
		i++
		if toks[i-1].text == "OR" && i < len(toks) {
			i++
		}
	}
	if i >= len(toks) || toks[i].kind != tWord || toks[i].text != "INTO" {
		return "", "", false
	}
	op = "INSERT"
	target = tableAfter(toks, i+1)
	if toks[0].text != "INSERT" {
		op = "UPSERT"
	}
	depth := 0
	for j := i + 1; j < len(toks); j++ {
		t := toks[j]
		if t.kind == tPunct {
			switch t.text {
			case "(":
				depth++
			case ")":
				depth--
			}
			continue
		}
		if depth != 0 || t.kind != tWord {
			continue
		}
		switch t.text {
		case "VALUES":
			if j > 0 && toks[j-1].kind == tWord && toks[j-1].text == "DEFAULT" {
				continue
			}
			if valuesTuples(toks, j+1) != 1 {
				many = true
			}
		case "SELECT":
			if hasWordAtDepth0(toks, j+1, "FROM") {
				many = true
			}
		case "CONFLICT":
			op = "UPSERT"
		case "DUPLICATE":
			op = "UPSERT"
		}
	}
	if setBased(toks) {
		many = true
	}
	return op, target, many
}

// valuesTuples counts the parenthesised tuples of a VALUES list starting at
// toks[j]; a hole or anything that is not a tuple counts as "many" (-1).
func valuesTuples(toks []sqlTok, j int) int {
	n := 0
	for j < len(toks) {
		if toks[j].kind != tPunct || toks[j].text != "(" {
			if toks[j].kind == tHole {
				return -1
			}
			break
		}
		depth := 0
		for ; j < len(toks); j++ {
			if toks[j].kind == tPunct && toks[j].text == "(" {
				depth++
			} else if toks[j].kind == tPunct && toks[j].text == ")" {
				depth--
				if depth == 0 {
					break
				}
			}
		}
		n++
		j++
		if j < len(toks) && toks[j].kind == tPunct && toks[j].text == "," {
			j++
			continue
		}
		if j < len(toks) && toks[j].kind == tHole {
			// VALUES ($1, $2)%s: more tuples appended at run time.
			return -1
		}
		break
	}
	if n == 0 {
		return -1
	}
	return n
}

func hasWordAtDepth0(toks []sqlTok, from int, word string) bool {
	depth := 0
	for _, t := range toks[from:] {
		if t.kind == tPunct {
			switch t.text {
			case "(":
				depth++
			case ")":
				depth--
			}
			continue
		}
		if depth == 0 && t.kind == tWord && t.text == word {
			return true
		}
	}
	return false
}

// setBased reports the shapes that write a set of rows in one statement:
// unnest(...) of arrays, = ANY($n), or VALUES with two or more tuples (as in
// UPDATE ... FROM (VALUES (...), (...))).
func setBased(toks []sqlTok) bool {
	for j, t := range toks {
		if t.kind != tWord {
			continue
		}
		next := func(k int) sqlTok {
			if j+k < len(toks) {
				return toks[j+k]
			}
			return sqlTok{}
		}
		switch t.text {
		case "UNNEST":
			if next(1).text == "(" {
				return true
			}
		case "ANY", "ALL":
			if j > 0 && toks[j-1].kind == tPunct && (toks[j-1].text == "=" || toks[j-1].text == "<>" || toks[j-1].text == "!=") && next(1).text == "(" {
				return true
			}
		case "VALUES":
			if toks[0].text != "INSERT" && valuesTuples(toks, j+1) != 1 {
				return true
			}
		}
	}
	return false
}

// inListParam reports IN followed by a lone parameter: IN ? or IN (?).
func inListParam(toks []sqlTok) bool {
	for j, t := range toks {
		if t.kind != tWord || t.text != "IN" || j+1 >= len(toks) {
			continue
		}
		if toks[j+1].kind == tParam {
			return true
		}
		if j+3 < len(toks) && toks[j+1].kind == tPunct && toks[j+1].text == "(" &&
			toks[j+2].kind == tParam && toks[j+3].kind == tPunct && toks[j+3].text == ")" {
			return true
		}
	}
	return false
}

// classifyCTE finds a data-modifying statement inside or after a WITH.
func classifyCTE(toks []sqlTok) (op, target string, many bool) {
	for j := 1; j < len(toks); j++ {
		t := toks[j]
		if t.kind != tWord {
			continue
		}
		prev := ""
		if j > 0 {
			prev = toks[j-1].text
		}
		var sub []sqlTok
		switch t.text {
		case "INSERT", "REPLACE":
			if j+1 < len(toks) && toks[j+1].text == "INTO" {
				sub = toks[j:]
			}
		case "UPDATE":
			// Not SELECT ... FOR [NO KEY] UPDATE, nor ON CONFLICT DO UPDATE.
			if prev != "FOR" && prev != "KEY" && prev != "DO" && j+1 < len(toks) && toks[j+1].kind == tWord {
				sub = toks[j:]
			}
		case "DELETE":
			if j+1 < len(toks) && toks[j+1].text == "FROM" {
				sub = toks[j:]
			}
		case "MERGE":
			if j+1 < len(toks) && toks[j+1].text == "INTO" {
				sub = toks[j:]
			}
		}
		if sub == nil {
			continue
		}
		c := classifyToks(sub)
		if c.Op == "" {
			continue
		}
		return c.Op, c.Target, c.Many || setBased(toks)
	}
	return "", "", false
}

func classifyToks(toks []sqlTok) SQLClass {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.raw)
		b.WriteByte(' ')
	}
	return ClassifySQL(b.String())
}

func indexWord(toks []sqlTok, from int, word string) int {
	for j := from; j < len(toks); j++ {
		if toks[j].kind == tWord && toks[j].text == word {
			return j
		}
	}
	return -1
}

// tableAfter returns the (possibly schema-qualified) table name at toks[j],
// skipping the given noise words, or "" when it is not a plain name.
func tableAfter(toks []sqlTok, j int, skip ...string) string {
	for j < len(toks) && toks[j].kind == tWord {
		found := false
		for _, s := range skip {
			if toks[j].text == s {
				found = true
			}
		}
		if !found {
			break
		}
		j++
	}
	if j >= len(toks) || toks[j].kind != tWord {
		return ""
	}
	name := toks[j].raw
	for j+2 < len(toks) && toks[j+1].kind == tPunct && toks[j+1].text == "." && toks[j+2].kind == tWord {
		name += "." + toks[j+2].raw
		j += 2
	}
	return name
}

// lexSQL splits SQL text into tokens, dropping whitespace and comments.
// Quoted identifiers become words; string literals are kept opaque so that
// keywords inside them are never matched.
func lexSQL(s string) []sqlTok {
	var toks []sqlTok
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case strings.HasPrefix(s[i:], "--"), r == '#' && strings.HasPrefix(s[i:], "# "):
			end := strings.IndexByte(s[i:], '\n')
			if end < 0 {
				return toks
			}
			i += end + 1
		case strings.HasPrefix(s[i:], "/*"):
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				return toks
			}
			i += 2 + end + 2
		case s[i:i+size] == hole:
			toks = append(toks, sqlTok{kind: tHole, text: hole, raw: hole})
			i += size
		case r == '\'':
			j := i + 1
			for j < len(s) {
				if s[j] == '\'' {
					if j+1 < len(s) && s[j+1] == '\'' {
						j += 2
						continue
					}
					break
				}
				j++
			}
			end := min(j+1, len(s))
			toks = append(toks, sqlTok{kind: tString, text: s[i:end], raw: s[i:end]})
			i = end
		case r == '"' || r == '`':
			j := strings.IndexRune(s[i+1:], r)
			if j < 0 {
				return toks
			}
			name := s[i+1 : i+1+j]
			toks = append(toks, sqlTok{kind: tWord, text: strings.ToUpper(name), raw: name})
			i += j + 2
		case r == '$' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			j := i + 1
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			toks = append(toks, sqlTok{kind: tParam, text: s[i:j], raw: s[i:j]})
			i = j
		case r == '$' && i+1 < len(s) && (s[i+1] == '$' || isIdentStart(rune(s[i+1]))):
			// Dollar-quoted string: $$...$$ or $tag$...$tag$.
			end := strings.IndexByte(s[i+1:], '$')
			if end < 0 {
				return toks
			}
			tag := s[i : i+1+end+1]
			close := strings.Index(s[i+len(tag):], tag)
			if close < 0 {
				return toks
			}
			stop := i + len(tag) + close + len(tag)
			toks = append(toks, sqlTok{kind: tString, text: s[i:stop], raw: s[i:stop]})
			i = stop
		case r == '?' || ((r == ':' || r == '@') && i+1 < len(s) && isIdentStart(rune(s[i+1])) && (i == 0 || s[i-1] != ':')):
			j := i + 1
			for j < len(s) && isIdentPart(rune(s[j])) {
				j++
			}
			toks = append(toks, sqlTok{kind: tParam, text: s[i:j], raw: s[i:j]})
			i = j
		case isIdentStart(r):
			j := i + size
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if !isIdentPart(r2) {
					break
				}
				j += sz
			}
			toks = append(toks, sqlTok{kind: tWord, text: strings.ToUpper(s[i:j]), raw: s[i:j]})
			i = j
		case r >= '0' && r <= '9':
			j := i
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.') {
				j++
			}
			toks = append(toks, sqlTok{kind: tNumber, text: s[i:j], raw: s[i:j]})
			i = j
		default:
			p := s[i : i+size]
			for _, two := range []string{"<>", "!=", "::", "<=", ">="} {
				if strings.HasPrefix(s[i:], two) {
					p = two
				}
			}
			toks = append(toks, sqlTok{kind: tPunct, text: p, raw: p})
			i += len(p)
		}
	}
	return toks
}

func isIdentStart(r rune) bool { return r == '_' || unicode.IsLetter(r) }

func isIdentPart(r rune) bool {
	return r == '_' || r == '$' || unicode.IsLetter(r) || unicode.IsDigit(r)
}
