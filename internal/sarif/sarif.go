// Package sarif writes findings as a SARIF 2.1.0 log, the format code
// scanning services (GitHub, GitLab, Azure DevOps) ingest. Like
// golangci-lint and staticcheck it hand-rolls the few structs it needs.
package sarif

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/internal/vetjson"
)

const (
	schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
	version   = "2.1.0"
	// srcRoot is the base of every relative artifact URI: the directory
	// batchlint ran in, which a CI upload maps to the checkout.
	srcRoot = "%SRCROOT%"
)

type log struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []run  `json:"runs"`
}

type run struct {
	Tool    tool     `json:"tool"`
	Results []result `json:"results"`
}

type tool struct {
	Driver driver `json:"driver"`
}

type driver struct {
	Name           string `json:"name"`
	Version        string `json:"version,omitempty"`
	InformationURI string `json:"informationUri"`
	Rules          []rule `json:"rules"`
}

type rule struct {
	ID               string  `json:"id"`
	Name             string  `json:"name"`
	ShortDescription message `json:"shortDescription"`
	FullDescription  message `json:"fullDescription"`
	Help             message `json:"help"`
	HelpURI          string  `json:"helpUri,omitempty"`
}

type message struct {
	Text string `json:"text"`
}

type result struct {
	RuleID           string     `json:"ruleId"`
	RuleIndex        int        `json:"ruleIndex"`
	Level            string     `json:"level"`
	Message          message    `json:"message"`
	Locations        []location `json:"locations"`
	RelatedLocations []location `json:"relatedLocations,omitempty"`
	Fixes            []fix      `json:"fixes,omitempty"`
}

type location struct {
	ID               *int             `json:"id,omitempty"`
	PhysicalLocation physicalLocation `json:"physicalLocation"`
	Message          *message         `json:"message,omitempty"`
}

type physicalLocation struct {
	ArtifactLocation artifactLocation `json:"artifactLocation"`
	Region           *region          `json:"region,omitempty"`
}

type artifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type region struct {
	StartLine   int  `json:"startLine,omitempty"`
	StartColumn int  `json:"startColumn,omitempty"`
	EndLine     int  `json:"endLine,omitempty"`
	EndColumn   int  `json:"endColumn,omitempty"`
	ByteOffset  *int `json:"byteOffset,omitempty"`
	ByteLength  *int `json:"byteLength,omitempty"`
}

type fix struct {
	Description     message          `json:"description"`
	ArtifactChanges []artifactChange `json:"artifactChanges"`
}

type artifactChange struct {
	ArtifactLocation artifactLocation `json:"artifactLocation"`
	Replacements     []replacement    `json:"replacements"`
}

type replacement struct {
	DeletedRegion   region           `json:"deletedRegion"`
	InsertedContent *artifactContent `json:"insertedContent,omitempty"`
}

type artifactContent struct {
	Text string `json:"text"`
}

// Options describe the run.
type Options struct {
	// Tool and Version name the producer; InformationURI is its home page.
	Tool, Version, InformationURI string
	// Dir is the directory relative artifact URIs start from.
	Dir string
}

// Write writes one SARIF log with a rule per analyzer and a result per
// finding. Positions inside Dir become URIs relative to %SRCROOT%.
func Write(w io.Writer, opts Options, analyzers []*analysis.Analyzer, findings []vetjson.Finding) error {
	d := driver{Name: opts.Tool, Version: opts.Version, InformationURI: opts.InformationURI, Rules: []rule{}}
	index := map[string]int{}
	for _, a := range analyzers {
		index[a.Name] = len(d.Rules)
		d.Rules = append(d.Rules, rule{
			ID:               a.Name,
			Name:             a.Name,
			ShortDescription: message{title(a)},
			FullDescription:  message{a.Doc},
			Help:             message{a.Doc},
			HelpURI:          a.URL,
		})
	}
	results := []result{}
	for _, f := range findings {
		i, ok := index[f.Analyzer]
		if !ok {
			// A helper pass or an analyzer outside the suite: give it a rule
			// so that ruleIndex stays valid.
			i = len(d.Rules)
			index[f.Analyzer] = i
			d.Rules = append(d.Rules, rule{ID: f.Analyzer, Name: f.Analyzer,
				ShortDescription: message{f.Analyzer}, FullDescription: message{f.Analyzer}, Help: message{f.Analyzer}})
		}
		r := result{
			RuleID:    f.Analyzer,
			RuleIndex: i,
			Level:     "warning",
			Message:   message{f.Message},
			Locations: []location{{PhysicalLocation: physical(opts.Dir, f.Posn, f.End)}},
		}
		for j, rel := range f.Related {
			id := j + 1
			r.RelatedLocations = append(r.RelatedLocations, location{
				ID:               &id,
				PhysicalLocation: physical(opts.Dir, rel.Posn, rel.End),
				Message:          &message{rel.Message},
			})
		}
		for _, sf := range f.SuggestedFixes {
			r.Fixes = append(r.Fixes, toFix(opts.Dir, sf))
		}
		results = append(results, r)
	}
	l := log{Schema: schemaURI, Version: version, Runs: []run{{Tool: tool{Driver: d}, Results: results}}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(l)
}

func toFix(dir string, sf vetjson.SuggestedFix) fix {
	var changes []artifactChange
	byFile := map[string]int{}
	for _, e := range sf.Edits {
		i, ok := byFile[e.Filename]
		if !ok {
			i = len(changes)
			byFile[e.Filename] = i
			changes = append(changes, artifactChange{ArtifactLocation: artifact(dir, e.Filename)})
		}
		off, n := e.Start, e.End-e.Start
		rep := replacement{DeletedRegion: region{ByteOffset: &off, ByteLength: &n}}
		if e.New != "" {
			rep.InsertedContent = &artifactContent{Text: e.New}
		}
		changes[i].Replacements = append(changes[i].Replacements, rep)
	}
	return fix{Description: message{sf.Message}, ArtifactChanges: changes}
}

func physical(dir, posn, end string) physicalLocation {
	p := vetjson.ParsePosn(posn)
	pl := physicalLocation{ArtifactLocation: artifact(dir, p.File)}
	if p.Line > 0 {
		r := &region{StartLine: p.Line, StartColumn: p.Col}
		if e := vetjson.ParsePosn(end); e.File == p.File && e.Line >= p.Line && e.Line > 0 {
			if e.Line > p.Line || e.Col > p.Col {
				r.EndLine, r.EndColumn = e.Line, e.Col
			}
		}
		pl.Region = r
	}
	return pl
}

// artifact names file relative to dir when it lies inside it, else by an
// absolute file URI.
func artifact(dir, file string) artifactLocation {
	if dir != "" && filepath.IsAbs(file) {
		if rel, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(rel, "..") {
			return artifactLocation{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: srcRoot}
		}
	}
	if filepath.IsAbs(file) {
		return artifactLocation{URI: (&url.URL{Scheme: "file", Path: filepath.ToSlash(file)}).String()}
	}
	return artifactLocation{URI: (&url.URL{Path: filepath.ToSlash(file)}).String(), URIBaseID: srcRoot}
}

// title returns the doc's first paragraph on one line, without the
// "NAME: " prefix of the x/tools convention.
func title(a *analysis.Analyzer) string {
	para, _, _ := strings.Cut(strings.TrimSpace(a.Doc), "\n\n")
	para = strings.TrimSpace(strings.TrimPrefix(para, a.Name+":"))
	para = strings.Join(strings.Fields(para), " ")
	if para == "" {
		return a.Name
	}
	return para
}
