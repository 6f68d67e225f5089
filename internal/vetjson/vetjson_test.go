package vetjson

import (
	"bytes"
	"strings"
	"testing"
)

func TestParsePosn(t *testing.T) {
	for in, want := range map[string]Posn{
		"/a/b.go:12:3":    {"/a/b.go", 12, 3},
		"b.go:12":         {"b.go", 12, 0},
		"b.go":            {"b.go", 0, 0},
		`C:\x\b.go:4:5`:   {`C:\x\b.go`, 4, 5},
		"/a:b/c.go:7:8":   {"/a:b/c.go", 7, 8},
		"weird:name.go:x": {"weird:name.go:x", 0, 0},
		"":                {"", 0, 0},
	} {
		if got := ParsePosn(in); got != want {
			t.Errorf("ParsePosn(%q) = %+v, want %+v", in, got, want)
		}
	}
}

// go vet prints one object per package; a test variant repeats the
// package's findings, and an analyzer error replaces the list.
const vetOutput = `{}
{
	"p": {
		"sqlloop": [
			{"posn": "/m/p/b.go:9:2", "end": "/m/p/b.go:9:9", "message": "second"},
			{"posn": "/m/p/a.go:3:1", "end": "/m/p/a.go:3:5", "message": "first",
			 "related": [{"posn": "/m/p/a.go:2:1", "end": "/m/p/a.go:2:4", "message": "loop"}]}
		]
	}
}
{
	"p [p.test]": {
		"sqlloop": [
			{"posn": "/m/p/a.go:3:1", "end": "/m/p/a.go:3:5", "message": "first"}
		],
		"linger": {"error": "boom"}
	}
}
`

func TestDecodeSortsDedupsAndKeepsErrors(t *testing.T) {
	findings, errs, err := Decode(strings.NewReader(vetOutput))
	if err != nil {
		t.Fatal(err)
	}
	if len(findings) != 2 || findings[0].Message != "first" || findings[1].Message != "second" {
		t.Fatalf("findings: %+v", findings)
	}
	if findings[0].Package != "p" || len(findings[0].Related) != 1 {
		t.Errorf("the plain package's finding (with its related position) should win: %+v", findings[0])
	}
	if len(errs) != 1 || errs[0].Error() != "p [p.test]: linger: boom" {
		t.Errorf("errors: %+v", errs)
	}
	var buf bytes.Buffer
	if err := Encode(&buf, findings); err != nil {
		t.Fatal(err)
	}
	again, _, err := Decode(&buf)
	if err != nil || len(again) != 2 || again[0].Related[0].Message != "loop" {
		t.Errorf("Encode does not round-trip: %v %+v", err, again)
	}
}

func TestDecodeRejectsGarbage(t *testing.T) {
	for _, in := range []string{"{", `{"p": {"a": 3}}`, `{"p": {"a": {"error": 3}}}`, "not json"} {
		if _, _, err := Decode(strings.NewReader(in)); err == nil {
			t.Errorf("Decode(%q) succeeded", in)
		}
	}
}
