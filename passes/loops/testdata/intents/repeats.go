package intents

// repeatFlag is set from the command line (-n): a setting, not data.
var repeatFlag = 1

const copies = 20

// A repeat of each input line: the loop over the lines is the data's.
func repeatPerLine(lines chan []byte) {
	for line := range lines {
		for i := 0; i < repeatFlag; i++ {
			write(line, i) // want `per-iteration of lines \(per-element\)`
		}
	}
}

func repeatRangeConst(users []user) {
	for _, u := range users {
		for range copies {
			write(u) // want `per-iteration of users \(per-element\)`
		}
	}
}

// With no loop over data around it, the repeat is the loop.
func repeatAlone() {
	for i := 0; i < repeatFlag; i++ {
		write(i) // want `per-iteration of i < repeatFlag \(per-element\)`
	}
}

// Look-alikes: the counted loop picks elements, or counts to a number the
// data gives.
func indexedByCounter(groups [][]user) {
	for _, g := range groups {
		for i := 0; i < copies; i++ {
			write(g[i]) // want `per-iteration of i < copies \(per-element\)`
		}
	}
}

func countFromData(groups []user, n int) {
	for _, g := range groups {
		for i := 0; i < n; i++ {
			write(g, i) // want `per-iteration of i < n \(per-element\)`
		}
	}
}
