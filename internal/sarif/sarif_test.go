package sarif

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/internal/sarif/sariftest"
	"github.com/batchlint/batchlint/internal/vetjson"
)

func TestWrite(t *testing.T) {
	dir := filepath.FromSlash("/src/mod")
	in := filepath.Join(dir, "p", "a b.go")
	out := filepath.FromSlash("/elsewhere/x.go")
	a := &analysis.Analyzer{Name: "sqlloop", Doc: "sqlloop: per-row writes\nin loops\n\nMore.", URL: "https://example.com/sqlloop"}
	findings := []vetjson.Finding{
		{Package: "m/p", Analyzer: "sqlloop", Diagnostic: vetjson.Diagnostic{
			Posn: in + ":3:4", End: in + ":3:9", Message: "m1",
			Related: []vetjson.Related{{Posn: out + ":1:1", End: out + ":1:1", Message: "loop"}},
			SuggestedFixes: []vetjson.SuggestedFix{{Message: "fix", Edits: []vetjson.TextEdit{
				{Filename: in, Start: 10, End: 12, New: "x"},
				{Filename: in, Start: 20, End: 25, New: ""},
			}}},
		}},
		// An analyzer outside the suite still gets a rule, so ruleIndex is valid.
		{Package: "m/p", Analyzer: "helper", Diagnostic: vetjson.Diagnostic{Posn: in + ":5:1", End: in + ":5:1", Message: "m2"}},
	}
	var buf bytes.Buffer
	if err := Write(&buf, Options{Tool: "batchlint", InformationURI: "https://example.com", Dir: dir}, []*analysis.Analyzer{a}, findings); err != nil {
		t.Fatal(err)
	}
	if err := sariftest.Validate(buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	var l log
	if err := json.Unmarshal(buf.Bytes(), &l); err != nil {
		t.Fatal(err)
	}
	d := l.Runs[0].Tool.Driver
	if len(d.Rules) != 2 || d.Rules[0].ShortDescription.Text != "per-row writes in loops" || d.Rules[0].HelpURI != "https://example.com/sqlloop" {
		t.Errorf("rules: %+v", d.Rules)
	}
	r := l.Runs[0].Results
	if len(r) != 2 || r[1].RuleIndex != 1 || d.Rules[1].ID != "helper" {
		t.Fatalf("results: %+v", r)
	}
	loc := r[0].Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "p/a%20b.go" || loc.ArtifactLocation.URIBaseID != srcRoot {
		t.Errorf("artifact %+v: want a relative, escaped URI under %s", loc.ArtifactLocation, srcRoot)
	}
	if *loc.Region != (region{StartLine: 3, StartColumn: 4, EndLine: 3, EndColumn: 9}) {
		t.Errorf("region %+v", *loc.Region)
	}
	rel := r[0].RelatedLocations[0]
	if rel.PhysicalLocation.ArtifactLocation.URI != "file:///elsewhere/x.go" || rel.PhysicalLocation.ArtifactLocation.URIBaseID != "" {
		t.Errorf("a file outside the directory keeps an absolute URI: %+v", rel.PhysicalLocation.ArtifactLocation)
	}
	if rel.PhysicalLocation.Region.EndLine != 0 {
		t.Errorf("an empty range has no end: %+v", rel.PhysicalLocation.Region)
	}
	reps := r[0].Fixes[0].ArtifactChanges[0].Replacements
	if len(reps) != 2 || *reps[0].DeletedRegion.ByteOffset != 10 || *reps[0].DeletedRegion.ByteLength != 2 ||
		reps[0].InsertedContent.Text != "x" || reps[1].InsertedContent != nil {
		t.Errorf("replacements: %+v", reps)
	}
}
