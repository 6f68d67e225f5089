// Package baseline records the findings a code base already has, so that CI
// can fail on new ones only. A finding's key is its analyzer, its file, the
// function that encloses it and its diagnostic category, which the
// analyzers set to a short name of the finding (the library and the write):
// lines may shift above it and its message may be reworded without making an
// old finding new.
package baseline

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/batchlint/batchlint/internal/regular"
	"github.com/batchlint/batchlint/internal/vetjson"
)

// MaxSize bounds a baseline file: far above any real one (an entry is about
// 200 bytes), far below what would hurt to read.
const MaxSize = 16 << 20

// maxSource bounds a source file read to find a finding's function. The
// compiler has read it already; the bound only covers a file replaced since.
const maxSource = 256 << 20

// Entry is one recorded finding. Count is how many findings share the key.
// Message is only read from version 1 files, which keyed on it.
type Entry struct {
	Analyzer string `json:"analyzer"`
	File     string `json:"file"`
	Function string `json:"function,omitempty"`
	Key      string `json:"key,omitempty"`
	Message  string `json:"message,omitempty"`
	Count    int    `json:"count,omitempty"`
}

type key struct{ analyzer, file, function, key string }

func (e Entry) key() key { return key{e.Analyzer, e.File, e.Function, e.Key} }

// File is the baseline file's content.
type File struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// version 1 keyed entries on the message text, which changes whenever a
// message is reworded; its entries still match, on analyzer, file and
// function alone.
const (
	version  = 2
	version1 = 1
)

// Keyer computes keys for findings, relative to the baseline file's
// directory, parsing each source file once.
type Keyer struct {
	dir     string
	sources map[string]bool
	fset    *token.FileSet
	files   map[string]*ast.File
}

// NewKeyer returns a Keyer for a baseline file at path. It reads only the
// files in sources (absolute paths), which should be the analysed packages'
// own files: a //line directive can make a finding's position name any
// path, a FIFO or a device among them.
func NewKeyer(path string, sources map[string]bool) (*Keyer, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	return &Keyer{dir: filepath.Dir(abs), sources: sources, fset: token.NewFileSet(), files: map[string]*ast.File{}}, nil
}

func (k *Keyer) entry(f vetjson.Finding) Entry {
	p := vetjson.ParsePosn(f.Posn)
	file := p.File
	if rel, err := filepath.Rel(k.dir, file); err == nil && !strings.HasPrefix(rel, "..") {
		file = rel
	}
	return Entry{
		Analyzer: f.Analyzer,
		File:     filepath.ToSlash(file),
		Function: k.function(p),
		Key:      f.Category,
	}
}

// function names the top-level function or method that encloses p:
// "Import", "Store.InsertUser", or "" outside any function.
func (k *Keyer) function(p vetjson.Posn) string {
	f, ok := k.files[p.File]
	if !ok && k.sources[p.File] {
		if src, err := regular.ReadFile(p.File, maxSource); err == nil {
			f, _ = parser.ParseFile(k.fset, p.File, src, parser.SkipObjectResolution)
		}
		k.files[p.File] = f
	}
	if f == nil || p.Line == 0 {
		return ""
	}
	tf := k.fset.File(f.FileStart)
	if tf == nil || p.Line > tf.LineCount() {
		return ""
	}
	pos := tf.LineStart(p.Line) + token.Pos(max(p.Col-1, 0))
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || pos < fd.Pos() || pos > fd.End() {
			continue
		}
		if fd.Recv != nil && len(fd.Recv.List) == 1 {
			if name := recvName(fd.Recv.List[0].Type); name != "" {
				return name + "." + fd.Name.Name
			}
		}
		return fd.Name.Name
	}
	return ""
}

func recvName(t ast.Expr) string {
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.ParenExpr:
			t = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// Write records findings in the baseline file at path, replacing its
// content. Sources are the files it may read (see NewKeyer).
func Write(path string, findings []vetjson.Finding, sources map[string]bool) error {
	k, err := NewKeyer(path, sources)
	if err != nil {
		return err
	}
	counts := map[key]int{}
	var entries []Entry
	for _, f := range findings {
		e := k.entry(f)
		if counts[e.key()] == 0 {
			entries = append(entries, e)
		}
		counts[e.key()]++
	}
	for i := range entries {
		entries[i].Count = counts[entries[i].key()]
	}
	slices.SortFunc(entries, func(a, b Entry) int {
		return strings.Compare(a.File+"\x00"+a.Function+"\x00"+a.Analyzer+"\x00"+a.Key,
			b.File+"\x00"+b.Function+"\x00"+b.Analyzer+"\x00"+b.Key)
	})
	data, err := json.MarshalIndent(File{Version: version, Findings: entries}, "", "  ")
	if err != nil {
		return err
	}
	return regular.WriteFile(path, append(data, '\n'))
}

// Filter returns the findings that the baseline at path does not hold. When
// a key is recorded n times, its first n findings in position order are old.
// Sources are the files it may read (see NewKeyer).
func Filter(path string, findings []vetjson.Finding, sources map[string]bool) ([]vetjson.Finding, error) {
	data, err := regular.ReadFile(path, MaxSize)
	if err != nil {
		return nil, err
	}
	var b File
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if b.Version != version && b.Version != version1 {
		return nil, fmt.Errorf("%s: version %d, want %d (record a new one with -baseline-write)", path, b.Version, version)
	}
	// A version 1 entry's message is not a key: the message may have been
	// reworded since, and no finding carries the old text.
	keyOf := func(e Entry) key {
		if b.Version == version1 {
			e.Key = ""
		}
		return e.key()
	}
	left := map[key]int{}
	for _, e := range b.Findings {
		left[keyOf(e)] += max(e.Count, 1)
	}
	k, err := NewKeyer(path, sources)
	if err != nil {
		return nil, err
	}
	var fresh []vetjson.Finding
	for _, f := range findings {
		kk := keyOf(k.entry(f))
		if left[kk] > 0 {
			left[kk]--
			continue
		}
		fresh = append(fresh, f)
	}
	return fresh, nil
}

// Exists reports whether a baseline file exists at path.
func Exists(path string) (bool, error) {
	_, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}
