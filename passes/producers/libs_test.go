package producers

import (
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
)

func TestFranzGoLingerDefaultByVersion(t *testing.T) {
	franz := libraryOf("github.com/twmb/franz-go/pkg/kgo")
	for _, tc := range []struct {
		version string
		known   bool
		linger  time.Duration
	}{
		{"", false, 0},
		{"v1.18.1", true, 0},
		{"v1.19.5", true, 0},
		{"v1.20.0-rc1", false, 0},
		{"v1.19.6-0.20250601120000-0123456789ab", false, 0},
		{"devel", false, 0},
		{"v1.21.0-rc.1", true, 10 * time.Millisecond},
		{"v1.20.0", true, 10 * time.Millisecond},
		{"v1.22.3", true, 10 * time.Millisecond},
		{"v1.23.0", true, 10 * time.Millisecond},
	} {
		got, ok := franz.defaults(tc.version)[Linger]
		if ok != tc.known || (ok && (!got.Known || got.Set || time.Duration(got.Int) != tc.linger)) {
			t.Errorf("franz-go %q: linger default %+v (present %v), want known=%v %v", tc.version, got, ok, tc.known, tc.linger)
		}
	}
}

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

func TestEveryLibraryHasAProducerConstructor(t *testing.T) {
	for _, l := range libraries {
		n := 0
		for _, c := range l.constructors {
			if c.producer {
				n++
			}
			if c.clientOf != "" {
				if _, ok := l.constructors[c.clientOf]; !ok {
					t.Errorf("%s: clientOf %q is not a constructor", l.name, c.clientOf)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s (%v) has no producer constructor", l.name, l.pkgs)
		}
	}
}
