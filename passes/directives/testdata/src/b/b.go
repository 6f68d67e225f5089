package b

func hit() {}

func f() {
	hit() // want "hit called"
}
