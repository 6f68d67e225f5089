package dbsql

import (
	"database/sql"
	"os"
	"strings"
)

// Lists the code defines behind a variable or a call run the same number
// of times on every start, at any length; lists data can grow or fill are
// reported.

var settingKeys = []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}

func seedSettings(db *sql.DB) {
	for _, k := range settingKeys {
		db.Exec("INSERT INTO settings (key) VALUES ($1)", k)
	}
}

var DefaultSettings = map[string]string{
	"a": "1", "b": "2", "c": "3", "d": "4", "e": "5", "f": "6", "g": "7", "h": "8", "i": os.Getenv("I"),
}

func seedDefaults(db *sql.DB) {
	for k, v := range DefaultSettings {
		db.Exec("INSERT INTO settings (key, value) VALUES ($1, $2)", k, v)
	}
}

func defaultLabels() []string {
	return []string{"a", "b", "c", "d", "e", "f", "g", "h", "i"}
}

func seedLabels(db *sql.DB) {
	for _, l := range defaultLabels() {
		db.Exec("INSERT INTO labels (name) VALUES ($1)", l)
	}
}

var extraKeys = []string{"a"}

func addKey(k string) { extraKeys = append(extraKeys, k) }

func seedExtra(db *sql.DB) {
	for _, k := range extraKeys {
		db.Exec("INSERT INTO settings (key) VALUES ($1)", k) // want `INSERT INTO settings executed once per element of extraKeys`
	}
}

var fileKeys = readKeys("keys.txt")

func readKeys(name string) []string {
	b, _ := os.ReadFile(name)
	return strings.Fields(string(b))
}

func seedFileKeys(db *sql.DB) {
	for _, k := range fileKeys {
		db.Exec("INSERT INTO settings (key) VALUES ($1)", k) // want `INSERT INTO settings executed once per element of fileKeys`
	}
}

func labelsOrStored(db *sql.DB, stored bool) []string {
	if stored {
		var names []string
		rows, _ := db.Query("SELECT name FROM labels")
		for rows.Next() {
			var n string
			rows.Scan(&n)
			names = append(names, n)
		}
		return names
	}
	return []string{"a"}
}

func copyLabels(db *sql.DB) {
	for _, l := range labelsOrStored(db, true) {
		db.Exec("INSERT INTO labels_copy (name) VALUES ($1)", l) // want `INSERT INTO labels_copy executed once per element of labelsOrStored\(db, true\)`
	}
}

func withNames(names []string) []string {
	return append([]string{"a"}, names...)
}

func seedNames(db *sql.DB, names []string) {
	for _, n := range withNames(names) {
		db.Exec("INSERT INTO labels (name) VALUES ($1)", n) // want `INSERT INTO labels executed once per element of withNames\(names\)`
	}
}
