package vals

import (
	"flag"
	"os"
	"time"

	"valdep"
)

func show(any) {}

const c = 20 * time.Millisecond

var pkgOnce = 7

var pkgTwice = 1

func bump() { pkgTwice = 2 }

var fromFlag = flag.Int("n", 0, "")

func helper() time.Duration { return 0 }

func helperArgs(d time.Duration) time.Duration { return d }

type cfg struct {
	Linger time.Duration
	Name   string
	Size   int
}

func f(param int) {
	show(c)                          // want `int 20000000`
	show(0 * time.Millisecond)       // want `int 0`
	show("lz4")                      // want `string lz4`
	show(true)                       // want `bool 1`
	show(1.5)                        // want `float 1.5`
	show(pkgOnce)                    // want `int 7`
	show(pkgTwice)                   // want `unknown`
	show(*fromFlag)                  // want `unknown`
	show(param)                      // want `unknown`
	show(helper())                   // want `int 0`
	show(helperArgs(3))              // want `unknown`
	show(valdep.Linger())            // want `int 5000000`
	show(valdep.Codec())             // want `string zstd`
	show(valdep.Varies())            // want `unknown`
	show(valdep.WithArg(0))          // want `unknown`
	show(valdep.Exported)            // want `unknown`
	show(os.Getenv("X"))             // want `unknown`
	show(time.Duration(pkgOnce) * c) // want `int 140000000`

	l := 10 * time.Millisecond
	show(l) // want `int 10000000`

	m := 1
	if param > 0 {
		m = 2
	}
	show(m) // want `unknown`

	n := 4
	if param > 0 {
		n = 4
	}
	show(n) // want `int 4`

	var z time.Duration
	show(z) // want `int 0`

	var p int
	flag.IntVar(&p, "p", 0, "")
	show(p) // want `unknown`

	s := cfg{Name: "a"}
	show(s.Linger) // want `int 0`
	show(s.Name)   // want `string a`
	s.Size = 9
	// 0 from the literal and 9 disagree: writes to a field are not ordered.
	show(s.Size) // want `unknown`

	t := &cfg{Size: 1}
	load(t)
	show(t.Size) // want `unknown`

	u := cfg{Size: 1}
	u.Size = 2
	show(u.Size) // want `unknown`

	show("a" + "b" + valdep.Codec()) // want `string abzstd`
	show(-l)                         // want `int -10000000`
}

func load(c *cfg) { c.Size = 5 }

// Calls through type arguments and method expressions run the declared
// function: its constant result is theirs.
func genericLinger[T any]() time.Duration { return 5 * time.Millisecond }

type box[T any] struct{}

func (box[T]) linger() time.Duration { return 3 * time.Millisecond }

type tuning struct{}

func (tuning) linger() time.Duration { return 2 * time.Millisecond }

func generic(b box[int]) {
	show(genericLinger[int]())    // want `int 5000000`
	show(b.linger())              // want `int 3000000`
	show(tuning.linger(tuning{})) // want `int 2000000`
}
