package producers

import (
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

func (f *ConfigFact) String() string {
	var b strings.Builder
	b.WriteString("config " + f.Lib)
	for _, s := range f.Settings {
		b.WriteString(" " + s.Key + "=")
		switch {
		case !s.Known:
			b.WriteString("?")
		case s.Str != "":
			b.WriteString(s.Str)
		default:
			b.WriteString(strconv.FormatInt(s.Int, 10))
		}
	}
	if f.Producing {
		b.WriteString(" producing")
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
