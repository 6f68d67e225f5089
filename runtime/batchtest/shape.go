package batchtest

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// shape is a statement with its literals and placeholders folded, so that
// every execution of one statement in a loop maps to one key whatever its
// arguments, and a multi-row INSERT maps to one key whatever its row count.
type shape struct {
	text string
	// op is the write a statement does (INSERT, UPDATE, DELETE, MERGE; COPY
	// FROM and REPLACE are INSERTs), or
	// "" for a statement that writes nothing.
	op   string
	copy bool // COPY ... FROM STDIN: database/sql drivers (lib/pq) send its rows as per-row Execs
	// tuples is the length of the VALUES list (0 without one): the rows a
	// statement writes when the driver does not say.
	tuples int
}

// spacedParen are the keywords a "(" follows with a space. Spacing is
// canonical, so "items(id,name)" and "items (id, name)" are one shape; a
// word before "(" is a function call, without a space, unless it names the
// table of INSERT INTO, UPDATE, COPY or TABLE.
var spacedParen = map[string]bool{"values": true, "in": true, "as": true, "exists": true, "and": true, "or": true,
	"not": true, "on": true, "using": true, "where": true, "from": true, "select": true, "set": true, "into": true,
	"with": true, "returning": true, "by": true, "when": true, "then": true, "else": true, "conflict": true, "join": true}

var tableKeyword = map[string]bool{"into": true, "update": true, "copy": true, "table": true}

// join spaces tokens canonically.
func join(toks []string) string {
	var b strings.Builder
	table := false // inside the (possibly qualified) name after a tableKeyword
	for i, cur := range toks {
		if i > 0 && spaced(toks[i-1], cur, table) {
			b.WriteByte(' ')
		}
		b.WriteString(cur)
		table = tableKeyword[cur] || table && (cur == "." || isName(cur))
	}
	return b.String()
}

func isName(t string) bool { return isWordStart(t[0]) || t[0] == '"' || t[0] == '`' }

// spaced says whether a space goes between prev and cur.
func spaced(prev, cur string, table bool) bool {
	switch cur {
	case ")", "]", ",", ".", "::", ";":
		return false
	}
	switch prev {
	case "(", "[", ".", "::":
		return false
	}
	if cur == "(" || cur == "[" {
		return table || spacedParen[prev] || !isName(prev)
	}
	return true
}

// normalize folds literals ('...', E'...', $$...$$, numbers) and placeholders
// ($1, ?, ?1, :name, @name) to ?, lower-cases unquoted words, drops comments,
// spaces tokens canonically, keeps only the first row of a VALUES list and
// folds IN (?, ?, ...) to IN (?). Tokens stream through a folder rather
// than into a slice: a multi-row INSERT of 13107 rows has 150k of them.
func normalize(sql string) shape {
	var f folder
	lex(sql, f.add)
	f.end()
	out := f.out
	for len(out) > 0 && out[len(out)-1] == ";" {
		out = out[:len(out)-1]
	}
	s := shape{text: join(out), tuples: f.tuples}
	if len(out) > 0 {
		switch out[0] {
		case "insert", "update", "delete", "merge":
			s.op = strings.ToUpper(out[0])
		case "replace", "upsert":
			s.op = "INSERT"
		case "with":
			for _, t := range out {
				if t == "insert" || t == "update" || t == "delete" || t == "merge" {
					s.op = strings.ToUpper(t)
					break
				}
			}
		case "copy":
			if slices.Contains(out, "stdin") && slices.Contains(out, "from") {
				s.copy, s.op = true, "INSERT"
			}
		}
	}
	return s
}

// folder keeps the tokens of a shape, dropping the VALUES rows after the
// first and the placeholders of an IN list after the first.
type folder struct {
	out    []string
	tuples int
	state  int
	depth  int // parentheses open in the VALUES row being kept or skipped
	inList int // tokens of an IN list held back, alternately ? and ,
}

const (
	plain    = iota
	firstRow // inside the first VALUES row
	afterRow // after a VALUES row: a "," may start another
	comma    // after a VALUES row and a ","
	skipRow  // inside a later VALUES row
	list     // inside IN (, placeholders so far
)

func (f *folder) add(t string) {
	switch f.state {
	case firstRow, skipRow:
		if f.state == firstRow {
			f.out = append(f.out, t)
		}
		f.depth += parenDelta(t)
		if f.depth == 0 {
			f.state = afterRow
		}
		return
	case afterRow:
		if t == "," {
			f.state = comma
			return
		}
	case comma:
		if t == "(" {
			f.state, f.depth = skipRow, 1
			f.tuples++
			return
		}
		f.out = append(f.out, ",")
	case list:
		if t == ")" && f.inList%2 == 1 {
			f.out = append(f.out, "(", "?", ")")
			f.state, f.inList = plain, 0
			return
		}
		if t == listToken(f.inList) {
			f.inList++
			return
		}
		f.flushList()
	}
	f.state = plain
	if t == "(" && len(f.out) > 0 {
		switch f.out[len(f.out)-1] {
		case "values":
			f.out = append(f.out, t)
			f.state, f.depth = firstRow, 1
			f.tuples = 1
			return
		case "in":
			f.state = list
			return
		}
	}
	f.out = append(f.out, t)
}

// flushList gives back the tokens of an IN list that turned out not to be
// placeholders only.
func (f *folder) flushList() {
	f.out = append(f.out, "(")
	for i := range f.inList {
		f.out = append(f.out, listToken(i))
	}
	f.state, f.inList = plain, 0
}

// listToken is the i'th token of a list of placeholders.
func listToken(i int) string {
	if i%2 == 1 {
		return ","
	}
	return "?"
}

func (f *folder) end() {
	switch f.state {
	case comma:
		f.out = append(f.out, ",")
	case list:
		f.flushList()
	}
}

func parenDelta(t string) int {
	switch t {
	case "(":
		return 1
	case ")":
		return -1
	}
	return 0
}

// lex calls emit with each token of sql.
func lex(sql string, emit func(string)) {
	for i := 0; i < len(sql); {
		c := sql[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			i++
		case strings.HasPrefix(sql[i:], "--"):
			end := strings.IndexByte(sql[i:], '\n')
			if end < 0 {
				end = len(sql) - i
			}
			i += end
		case strings.HasPrefix(sql[i:], "/*"):
			i = blockComment(sql, i)
		case c == '\'':
			i = quoted(sql, i, '\'', false)
			emit("?")
		case c == '"' || c == '`':
			end := quoted(sql, i, c, false)
			emit(sql[i:end])
			i = end
		case c == '$' && i+1 < len(sql) && isDigit(sql[i+1]):
			i = skipDigits(sql, i+1)
			emit("?")
		case c == '$':
			if end := dollarQuoted(sql, i); end > i {
				i = end
				emit("?")
			} else {
				emit("$")
				i++
			}
		case c == '?':
			i = skipDigits(sql, i+1)
			emit("?")
		case c == ':' && i+1 < len(sql) && sql[i+1] == ':':
			emit("::")
			i += 2
		case (c == ':' || c == '@') && i+1 < len(sql) && isWordStart(sql[i+1]):
			i = word(sql, i+1)
			emit("?")
		case isDigit(c) || c == '.' && i+1 < len(sql) && isDigit(sql[i+1]):
			i = number(sql, i)
			emit("?")
		case isWordStart(c):
			end := word(sql, i)
			w := sql[i:end]
			// E'...', B'...', X'...', N'...': a string literal with a prefix.
			if end < len(sql) && sql[end] == '\'' && len(w) == 1 && strings.ContainsAny(w, "eEbBxXnN") {
				i = quoted(sql, end, '\'', w == "e" || w == "E")
				emit("?")
				continue
			}
			emit(strings.ToLower(w))
			i = end
		case strings.IndexByte(operators, c) >= 0:
			end := i + 1
			for end < len(sql) && strings.IndexByte(operators, sql[end]) >= 0 && !strings.HasPrefix(sql[end:], "--") && !strings.HasPrefix(sql[end:], "/*") {
				end++
			}
			emit(sql[i:end])
			i = end
		default:
			_, n := utf8.DecodeRuneInString(sql[i:])
			emit(sql[i : i+n])
			i += n
		}
	}
}

// operators are the characters of Postgres operators, lexed together so
// that "<=" stays one token whatever the spacing around it.
const operators = "+-*/<>=~!#%^&|"

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isWordStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf
}

func skipDigits(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

func word(s string, i int) int {
	for i < len(s) && (isWordStart(s[i]) || isDigit(s[i]) || s[i] == '$') {
		i++
	}
	return i
}

func number(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if isDigit(c) || c == '.' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			i++ // 1.5, 1e10, 0x1F, 1_000
		} else if (c == '+' || c == '-') && (s[i-1] == 'e' || s[i-1] == 'E') {
			i++
		} else {
			break
		}
	}
	return i
}

// quoted returns the index after the literal opened by q at s[i]; a doubled
// quote escapes one, and so does a backslash in an E'...' string.
func quoted(s string, i int, q byte, backslash bool) int {
	for j := i + 1; j < len(s); j++ {
		switch {
		case backslash && s[j] == '\\':
			j++
		case s[j] == q && j+1 < len(s) && s[j+1] == q:
			j++
		case s[j] == q:
			return j + 1
		}
	}
	return len(s)
}

func blockComment(s string, i int) int {
	depth := 0
	for j := i; j < len(s)-1; j++ {
		switch s[j : j+2] {
		case "/*":
			depth++
			j++
		case "*/":
			depth--
			j++
			if depth == 0 {
				return j + 1
			}
		}
	}
	return len(s)
}

// dollarQuoted returns the index after $tag$...$tag$ starting at s[i], or i.
func dollarQuoted(s string, i int) int {
	end := strings.IndexByte(s[i+1:], '$')
	if end < 0 {
		return i
	}
	tag := s[i : i+end+2]
	for _, c := range []byte(tag[1 : len(tag)-1]) {
		if !isWordStart(c) && !isDigit(c) {
			return i
		}
	}
	close := strings.Index(s[i+len(tag):], tag)
	if close < 0 {
		return len(s)
	}
	return i + len(tag) + close + len(tag)
}

func (s shape) write() bool { return s.op != "" }
