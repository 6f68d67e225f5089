package main

import (
	"fmt"
	"html"
	"io"
	"math"
	"strings"
)

// writeSVG draws one horizontal bar per rung on a log scale, grouped by
// backend. Hand-written SVG: no dependency, and the file diffs readably.
func writeSVG(w io.Writer, rungs []rung) error {
	const (
		width   = 1030
		labelW  = 420 // left column: rung names
		plotW   = 440
		barH    = 20
		gap     = 8
		groupH  = 34 // heading above each group
		top     = 50
		bottomH = 40
	)
	lo, hi := math.Inf(1), 0.0
	for _, r := range rungs {
		if v := r.PerSecond(); v > 0 {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if hi == 0 {
		return fmt.Errorf("no rung has a rate to draw")
	}
	minExp, maxExp := math.Floor(math.Log10(lo)), math.Ceil(math.Log10(hi))
	if maxExp == minExp {
		maxExp++
	}
	x := func(v float64) float64 {
		if v <= 0 {
			return labelW
		}
		return labelW + (math.Log10(v)-minExp)/(maxExp-minExp)*plotW
	}

	groups := 0
	prev := ""
	for _, r := range rungs {
		if r.Group != prev {
			groups++
			prev = r.Group
		}
	}
	height := top + groups*groupH + len(rungs)*(barH+gap) + bottomH
	plotTop, plotBottom := top, height-bottomH

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="13">`+"\n", width, height, width, height)
	b.WriteString(`<style>.bar{fill:#4c78a8}.base{fill:#e45756}.grid{stroke:#ccc;stroke-width:1}.head{font-weight:bold;font-size:14px}.val{fill:#333}</style>` + "\n")
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="white"/>`+"\n", width, height)
	fmt.Fprintf(&b, `<text x="%d" y="24" class="head" font-size="16">Write paths: items per second (log scale; red: the one-write-per-record baseline)</text>`+"\n", 10)
	for e := minExp; e <= maxExp; e++ {
		gx := x(math.Pow(10, e))
		fmt.Fprintf(&b, `<line class="grid" x1="%.1f" y1="%d" x2="%.1f" y2="%d"/>`+"\n", gx, plotTop, gx, plotBottom)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle">%s/s</text>`+"\n", gx, plotBottom+18, humanize(math.Pow(10, e)))
	}
	y := top
	prev = ""
	for _, r := range rungs {
		if r.Group != prev {
			prev = r.Group
			fmt.Fprintf(&b, `<text x="10" y="%d" class="head">%s (%s/s)</text>`+"\n", y+groupH-12, html.EscapeString(r.Group), r.Unit)
			y += groupH
		}
		class := "bar"
		if r.Baseline {
			class = "bar base"
		}
		v := r.PerSecond()
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", labelW-8, y+barH-5, html.EscapeString(r.Name))
		fmt.Fprintf(&b, `<rect class="%s" x="%d" y="%d" width="%.1f" height="%d"><title>%s: %s</title></rect>`+"\n",
			class, labelW, y, math.Max(x(v)-labelW, 1), barH, html.EscapeString(r.Name), rate(v, r.Unit))
		label := humanize(v)
		if r.Requests > 0 {
			label += fmt.Sprintf(" (%s/request)", trim(fmt.Sprintf("%.0f", float64(r.Items)/float64(r.Requests))))
		}
		fmt.Fprintf(&b, `<text class="val" x="%.1f" y="%d">%s</text>`+"\n", x(v)+6, y+barH-5, html.EscapeString(label))
		y += barH + gap
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}
