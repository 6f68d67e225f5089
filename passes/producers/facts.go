package producers

import (
	"fmt"
	"strconv"
	"strings"
)

// ConfigFact records the settings an exported helper function builds: a
// franz-go option or option slice, a sarama *Config, a confluent ConfigMap
// or a segmentio Writer/WriterConfig, so that a producer constructed with
// the helper's result in another package resolves them. Slices, not maps,
// keep its gob encoding deterministic.
type ConfigFact struct {
	Lib      string
	Settings []FactSetting
	// Producing is set when the helper's result is a franz-go option that
	// configures producing.
	Producing bool
	// Opaque: the helper's result may hold settings this pass cannot see.
	Opaque bool
}

// FactSetting is one setting of a ConfigFact.
type FactSetting struct {
	Key   string
	Known bool
	Int   int64
	Str   string
	Where string // file:line where it is set, for messages
}

func (*ConfigFact) AFact() {}

func (s FactSetting) value() string {
	switch {
	case !s.Known:
		return "?"
	case s.Str != "":
		return s.Str
	}
	return strconv.FormatInt(s.Int, 10)
}

func (f *ConfigFact) String() string {
	var b strings.Builder
	b.WriteString("config " + f.Lib)
	for _, s := range f.Settings {
		b.WriteString(" " + s.Key + "=" + s.value())
	}
	if f.Producing {
		b.WriteString(" producing")
	}
	return b.String()
}

// ParamFact records that an exported function constructs a producer from
// its parameter Param, a configuration of shape Shape, after applying
// Settings to it, so that a call in another package is a producer built
// from the configuration the caller passes.
type ParamFact struct {
	Lib         string
	Constructor string
	Param       int
	Shape       int
	Settings    []FactSetting
}

func (*ParamFact) AFact() {}

func (f *ParamFact) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "builds %s %s from param %d", f.Lib, f.Constructor, f.Param)
	for _, s := range f.Settings {
		b.WriteString(" " + s.Key + "=" + s.value())
	}
	return b.String()
}

// EffectFact records what an exported function does to the configuration
// its parameter Param points to (a sarama *Config, a confluent ConfigMap,
// a segmentio *Writer): the settings it writes, on every path (Known) or
// on some (not Known), so that a call in another package applies them as
// a configure(cfg) helper of the caller's own package would. A function
// that may keep, replace or hand on its parameter where this pass cannot
// follow has none.
type EffectFact struct {
	Param    int
	Settings []FactSetting
}

func (*EffectFact) AFact() {}

func (f *EffectFact) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "changes param %d", f.Param)
	for _, s := range f.Settings {
		b.WriteString(" " + s.Key + "=" + s.value())
	}
	return b.String()
}

// VersionFact is a package fact on a client library's package recording the
// module version it was compiled from, as the build reported it.
type VersionFact struct {
	Version string
}

func (*VersionFact) AFact() {}

func (f *VersionFact) String() string { return "version " + f.Version }
