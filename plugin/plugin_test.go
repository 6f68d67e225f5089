package plugin

import (
	"testing"

	"github.com/batchlint/batchlint/analyzers"
	"github.com/batchlint/batchlint/internal/config"
)

func TestSettingsMapOntoAnalyzers(t *testing.T) {
	p, err := New(map[string]any{
		"analyzers": map[string]any{
			"linger":  map[string]any{"enabled": false},
			"sqlloop": map[string]any{"options": map[string]any{"unknown-sql": true}},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	// linger is turned off; those off by default stay off.
	if want := len(analyzers.All()) - 1 - len(analyzers.Off()); len(got) != want {
		t.Fatalf("got %d analyzers, want %d", len(got), want)
	}
	for _, a := range got {
		if a.Name == "linger" {
			t.Errorf("linger is enabled, want disabled")
		}
		if a.Name == "sqlloop" {
			if v := a.Flags.Lookup("unknown-sql").Value.String(); v != "true" {
				t.Errorf("sqlloop unknown-sql = %s, want true", v)
			}
			a.Flags.Set("unknown-sql", "false") // analyzers are shared: restore
		}
	}
}

func TestBadSettingsAreErrors(t *testing.T) {
	for _, settings := range []any{
		map[string]any{"analyzers": map[string]any{"nosuch": map[string]any{}}},
		map[string]any{"analyzers": map[string]any{"sqlloop": map[string]any{"options": map[string]any{"nosuch": 1}}}},
		map[string]any{"unknown-key": true},
	} {
		if _, err := New(settings); err == nil {
			t.Errorf("New(%v): no error", settings)
		}
	}
}

// An analyzer that is off by default joins the others when the settings
// enable it, and only then.
func TestEnablingAnAnalyzerOffByDefault(t *testing.T) {
	for _, enabled := range []bool{false, true} {
		p, err := New(map[string]any{"analyzers": map[string]any{"asyncproduce": map[string]any{"enabled": enabled}}})
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.BuildAnalyzers()
		if err != nil {
			t.Fatal(err)
		}
		want, on := len(analyzers.All())-len(analyzers.Off()), false
		if enabled {
			want++
		}
		for _, a := range got {
			on = on || a.Name == "asyncproduce"
		}
		if len(got) != want || on != enabled {
			t.Errorf("enabled: %v: %d analyzers (asyncproduce among them: %v), want %d", enabled, len(got), on, want)
		}
	}
}

// tests: true reaches every analyzer through the configuration, linger and
// compression included.
func TestTestsReachEveryAnalyzer(t *testing.T) {
	p, err := New(map[string]any{"tests": true})
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	res, _ := config.Analyzer.Run(nil)
	settings := res.(*config.Settings)
	for _, a := range got {
		if !settings.Of(a.Name).Tests {
			t.Errorf("%s: tests not set", a.Name)
		}
		a.Flags.Set("tests", "false") // analyzers are shared: restore
	}
}
