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
// folds IN (?, ?, ...) to IN (?).
func normalize(sql string) shape {
	toks := lex(sql)
	var out []string
	s := shape{}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t == "(" && len(out) > 0 {
			prev := out[len(out)-1]
			end := group(toks, i)
			if end > i && prev == "in" && onlyPlaceholders(toks[i+1:end]) {
				out = append(out, "(", "?", ")")
				i = end
				continue
			}
			if end > i && prev == "values" {
				out = append(out, toks[i:end+1]...)
				s.tuples = 1
				for end+2 < len(toks) && toks[end+1] == "," && toks[end+2] == "(" {
					next := group(toks, end+2)
					if next < 0 {
						break
					}
					end = next
					s.tuples++
				}
				i = end
				continue
			}
		}
		out = append(out, t)
	}
	for len(out) > 0 && out[len(out)-1] == ";" {
		out = out[:len(out)-1]
	}
	s.text = join(out)
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

// group returns the index of the ")" closing the "(" at toks[i], or -1.
func group(toks []string, i int) int {
	depth := 0
	for j := i; j < len(toks); j++ {
		switch toks[j] {
		case "(":
			depth++
		case ")":
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

func onlyPlaceholders(toks []string) bool {
	for i, t := range toks {
		if t != "?" && (t != "," || i%2 == 0) {
			return false
		}
	}
	return len(toks) > 0
}

func lex(sql string) []string {
	var toks []string
	emit := func(text string) { toks = append(toks, text) }
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
	return toks
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
