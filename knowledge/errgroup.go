package knowledge

// ErrgroupPath is golang.org/x/sync/errgroup, a concurrency helper rather
// than a database or Kafka library: its Group runs each function handed to
// Go or TryGo once, on a goroutine of its own.
const ErrgroupPath = "golang.org/x/sync/errgroup"

// Errgroup is errgroup: work handed to its Group inside a loop is work
// launched once per iteration.
var Errgroup = Library{
	Key:   "errgroup",
	Paths: []string{ErrgroupPath},
	Launchers: []Callback{
		{Func{ErrgroupPath, "Group", "Go"}, 0, false},
		{Func{ErrgroupPath, "Group", "TryGo"}, 0, false},
	},
}

func init() { register(&Errgroup) }
