// Package config holds the options of batchlint's analyzers: Analyzer
// hands them to the analyzers, which Register their flags here, and Config
// reads the optional configuration file and turns it into the same flags
// (for go vet) or sets them in process (for the golangci-lint plugin), so
// that a file, the command line and golangci-lint settings mean the same
// thing.
//
//	# .batchlint.yml
//	tests: true              # also report in test code (_test.go files, test helpers)
//	analyzers:
//	  linger:
//	    enabled: false
//	  asyncproduce:
//	    enabled: true        # an analyzer that is off by default
//	  sqlloop:
//	    options:
//	      unknown-sql: true  # the flag -sqlloop.unknown-sql
//
// JSON with the same keys works too. Every option is an analyzer flag
// (batchlint help NAME lists them); a list becomes a comma-separated value.
package config

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"gopkg.in/yaml.v3"

	"github.com/batchlint/batchlint/internal/regular"
)

// Names are the file names Find looks for, in order.
var Names = []string{".batchlint.yml", ".batchlint.yaml", ".batchlint.json"}

// Config is the content of a configuration file.
type Config struct {
	// Tests sets the "tests" option of every analyzer.
	Tests *bool `yaml:"tests" json:"tests"`
	// Analyzers configures analyzers by name.
	Analyzers map[string]AnalyzerConfig `yaml:"analyzers" json:"analyzers"`
}

// AnalyzerConfig configures one analyzer.
type AnalyzerConfig struct {
	Enabled *bool          `yaml:"enabled" json:"enabled"`
	Options map[string]any `yaml:"options" json:"options"`
}

// MaxSize bounds a configuration file: a real one is a few hundred bytes.
const MaxSize = 1 << 20

// Load reads and checks the file at path, which must be a regular file (or
// a symbolic link to one) of at most MaxSize bytes.
func Load(path string) (*Config, error) {
	data, err := regular.ReadFile(path, MaxSize)
	if err != nil {
		return nil, err
	}
	var c Config
	// YAML is a superset of JSON: one decoder reads both.
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	// An empty file (io.EOF) is an empty configuration.
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return &c, nil
}

// Find returns the configuration file in the module root above dir (the
// nearest directory holding go.mod), or "" when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	root := dir
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			root = d
			break
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	for _, name := range Names {
		p := filepath.Join(root, name)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
	}
	return "", nil
}

// Flags returns the command-line flags that mean the same as c, for
// analyzers in the order given, of which those named in off run only when
// c enables them. It fails on names that are no analyzer or no flag of
// that analyzer, and on values the flag rejects.
func (c *Config) Flags(analyzers []*analysis.Analyzer, off map[string]bool) ([]string, error) {
	settings, err := c.settings(analyzers, off)
	if err != nil {
		return nil, err
	}
	flags := make([]string, 0, len(settings))
	for _, s := range settings {
		name := s.analyzer.Name
		if s.opt != "" {
			name += "." + s.opt
		}
		flags = append(flags, "-"+name+"="+s.value)
	}
	return flags, nil
}

// Apply sets the options c gives on analyzers, in process, and returns the
// analyzers c leaves on, in the order given; those named in off are on only
// when c enables them. It fails as Flags does.
func (c *Config) Apply(analyzers []*analysis.Analyzer, off map[string]bool) ([]*analysis.Analyzer, error) {
	settings, err := c.settings(analyzers, off)
	if err != nil {
		return nil, err
	}
	on := map[*analysis.Analyzer]bool{}
	for _, a := range analyzers {
		on[a] = !off[a.Name]
	}
	for _, s := range settings {
		if s.opt == "" {
			on[s.analyzer] = s.value == "true"
		} else if err := s.analyzer.Flags.Set(s.opt, s.value); err != nil {
			return nil, fmt.Errorf("%s option %s: %v", s.analyzer.Name, s.opt, err)
		}
	}
	var enabled []*analysis.Analyzer
	for _, a := range analyzers {
		if on[a] {
			enabled = append(enabled, a)
		}
	}
	return enabled, nil
}

// setting is one effect of a configuration: an analyzer turned on or off
// (opt is empty, value "true" or "false"), or one of its options set.
type setting struct {
	analyzer   *analysis.Analyzer
	opt, value string
}

func (c *Config) settings(analyzers []*analysis.Analyzer, off map[string]bool) ([]setting, error) {
	byName := map[string]*analysis.Analyzer{}
	var names []string
	for _, a := range analyzers {
		byName[a.Name] = a
		names = append(names, a.Name)
	}
	var unknown []string
	for name := range c.Analyzers {
		if byName[name] == nil {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		return nil, fmt.Errorf("unknown analyzer %s (known: %s)",
			strings.Join(unknown, ", "), strings.Join(names, ", "))
	}
	// go vet runs only the analyzers named true once one is: enabling an
	// analyzer that is off by default names every analyzer left on.
	enablesOff := false
	for name, ac := range c.Analyzers {
		enablesOff = enablesOff || off[name] && ac.Enabled != nil && *ac.Enabled
	}
	var settings []setting
	for _, a := range analyzers {
		ac := c.Analyzers[a.Name]
		on := !off[a.Name]
		if ac.Enabled != nil {
			on = *ac.Enabled
		}
		if !on {
			settings = append(settings, setting{a, "", "false"})
			continue
		}
		if enablesOff {
			settings = append(settings, setting{a, "", "true"})
		}
		if c.Tests != nil && a.Flags.Lookup("tests") != nil {
			if _, set := ac.Options["tests"]; !set {
				settings = append(settings, setting{a, "tests", strconv.FormatBool(*c.Tests)})
			}
		}
		opts := make([]string, 0, len(ac.Options))
		for k := range ac.Options {
			opts = append(opts, k)
		}
		slices.Sort(opts)
		for _, opt := range opts {
			f := a.Flags.Lookup(opt)
			if f == nil {
				return nil, fmt.Errorf("analyzer %s has no option %q (options: %s)", a.Name, opt, flagNames(a))
			}
			v, err := value(ac.Options[opt])
			if err != nil {
				return nil, fmt.Errorf("%s option %s: %v", a.Name, opt, err)
			}
			if err := check(f, v); err != nil {
				return nil, fmt.Errorf("%s option %s: %v", a.Name, opt, err)
			}
			settings = append(settings, setting{a, opt, v})
		}
	}
	return settings, nil
}

func flagNames(a *analysis.Analyzer) string {
	var names []string
	a.Flags.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// value renders a YAML/JSON scalar or list as a flag value.
func value(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "", errors.New("no value")
	case string:
		return x, nil
	case bool:
		return strconv.FormatBool(x), nil
	case int:
		return strconv.Itoa(x), nil
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64), nil
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			s, err := value(e)
			if err != nil {
				return "", err
			}
			if strings.Contains(s, ",") {
				return "", fmt.Errorf("list element %q contains a comma", s)
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, ","), nil
	}
	return "", fmt.Errorf("unsupported value %v (%T): use a string, number, bool or list", v, v)
}

// check parses v with a fresh flag of f's type, leaving f untouched.
func check(f *flag.Flag, v string) error {
	if g, ok := f.Value.(flag.Getter); ok {
		switch g.Get().(type) {
		case bool:
			_, err := strconv.ParseBool(v)
			return err
		case int, int64:
			_, err := strconv.ParseInt(v, 0, 64)
			return err
		case uint, uint64:
			_, err := strconv.ParseUint(v, 0, 64)
			return err
		case float64:
			_, err := strconv.ParseFloat(v, 64)
			return err
		}
	}
	return nil
}
