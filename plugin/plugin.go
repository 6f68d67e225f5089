// Package plugin registers batchlint as a golangci-lint v2 module plugin.
// It lives apart from the analyzers so that importing them never pulls in
// golangci-lint's registry.
//
//	# .custom-gcl.yml
//	version: v2.15.0
//	plugins:
//	  - module: github.com/batchlint/batchlint
//	    import: github.com/batchlint/batchlint/plugin
//	    version: latest
//
//	# .golangci.yml
//	version: "2"
//	linters:
//	  enable: [batchlint]
//	  settings:
//	    custom:
//	      batchlint:
//	        type: module
//	        settings:          # the same keys as .batchlint.yml
//	          analyzers:
//	            linger: {enabled: false}
//	            asyncproduce: {enabled: true}   # off by default
//	            sqlloop: {options: {unknown-sql: true}}
package plugin

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/batchlint/batchlint/analyzers"
	"github.com/batchlint/batchlint/internal/config"
)

func init() { register.Plugin("batchlint", New) }

type batchlint struct{ analyzers []*analysis.Analyzer }

// New builds the plugin from the settings block of .golangci.yml, which has
// the shape of batchlint's own configuration file.
func New(settings any) (register.LinterPlugin, error) {
	var conf config.Config
	if settings != nil {
		var err error
		conf, err = register.DecodeSettings[config.Config](settings)
		if err != nil {
			return nil, fmt.Errorf("batchlint settings: %w", err)
		}
	}
	enabled, err := conf.Apply(analyzers.All(), analyzers.Off())
	if err != nil {
		return nil, fmt.Errorf("batchlint settings: %w", err)
	}
	return &batchlint{analyzers: enabled}, nil
}

func (p *batchlint) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.analyzers, nil }

// GetLoadMode asks for type information: every rule matches by types.
func (p *batchlint) GetLoadMode() string { return register.LoadModeTypesInfo }
