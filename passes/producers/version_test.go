package producers

import (
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestModuleVersion(t *testing.T) {
	for _, tc := range []struct {
		name string
		mod  *analysis.Module
		want string
	}{
		{"no module information", nil, ""},
		{"module from go.mod or vendor/modules.txt", &analysis.Module{Path: "github.com/twmb/franz-go", Version: "v1.19.5"}, "v1.19.5"},
		{"replaced by a directory", &analysis.Module{Path: "github.com/twmb/franz-go", Version: "v1.19.5", Replace: &analysis.Module{Path: "../franz-go"}}, ""},
		{"replaced by another version", &analysis.Module{Path: "github.com/twmb/franz-go", Version: "v1.19.5", Replace: &analysis.Module{Path: "github.com/twmb/franz-go", Version: "v1.22.3"}}, "v1.22.3"},
	} {
		if got := moduleVersion(&analysis.Pass{Module: tc.mod}); got != tc.want {
			t.Errorf("%s: moduleVersion = %q, want %q", tc.name, got, tc.want)
		}
	}
}
