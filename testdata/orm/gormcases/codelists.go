package gormcases

import (
	"os"

	"gorm.io/gorm"

	"example.com/orm/model"
)

// Lists the code defines behind a variable or a call run the same number
// of times on every start, at any length; lists data can grow or fill are
// reported.

var initialEvents = []model.Event{
	{Key: "a"}, {Key: "b"}, {Key: "c"}, {Key: "d"}, {Key: "e"},
	{Key: "f"}, {Key: "g"}, {Key: "h"}, {Key: "i"}, {Key: os.Getenv("J")},
}

func seedInitialEvents(db *gorm.DB) {
	for i := range initialEvents {
		item := &initialEvents[i]
		db.Create(item)
	}
}

var DefaultEvents = map[string]string{
	"a": "1", "b": "2", "c": "3", "d": "4", "e": "5", "f": "6", "g": "7", "h": "8", "i": "9",
}

func seedDefaultEvents2(db *gorm.DB) {
	for k, v := range DefaultEvents {
		db.Create(&model.Event{Key: k, Payload: []byte(v)})
	}
}

func defaultEventList() []model.Event {
	return []model.Event{{Key: "a"}, {Key: "b"}, {Key: "c"}, {Key: "d"}, {Key: "e"}, {Key: "f"}, {Key: "g"}, {Key: "h"}, {Key: "i"}}
}

func seedEventList(db *gorm.DB) {
	for _, e := range defaultEventList() {
		db.Create(&e)
	}
}

var registeredEvents = []model.Event{{Key: "a"}}

func registerEvent(e model.Event) { registeredEvents = append(registeredEvents, e) }

func seedRegistered(db *gorm.DB) {
	for _, e := range registeredEvents {
		e.Payload = []byte(e.Key)
		db.Create(&e) // want `gorm insert of one Event runs once per element of registeredEvents`
	}
}

var storedEvents []model.Event

func loadStoredEvents(db *gorm.DB) { db.Find(&storedEvents) }

func copyStored(db *gorm.DB) {
	for _, e := range storedEvents {
		e.Payload = []byte(e.Key)
		db.Create(&e) // want `gorm insert of one Event runs once per element of storedEvents`
	}
}

func eventsOrStored(db *gorm.DB, stored bool) []model.Event {
	if stored {
		var evs []model.Event
		db.Find(&evs)
		return evs
	}
	return []model.Event{{Key: "a"}}
}

func copyEvents(db *gorm.DB) {
	for _, e := range eventsOrStored(db, true) {
		db.Create(&e) // want `gorm insert of one Event runs once per element of eventsOrStored\(db, true\)`
	}
}

func withEvents(extra []model.Event) []model.Event {
	return append([]model.Event{{Key: "a"}}, extra...)
}

func seedWithEvents(db *gorm.DB, extra []model.Event) {
	for _, e := range withEvents(extra) {
		db.Create(&e) // want `gorm insert of one Event runs once per element of withEvents\(extra\)`
	}
}

// Declared empty and only ever set to a literal.
var initialTasks []model.Event

func seedTasks(db *gorm.DB) {
	initialTasks = []model.Event{{Key: "copy"}, {Key: "download"}, {Key: "transfer"}, {Key: "a"}, {Key: "b"}, {Key: "c"}, {Key: "d"}, {Key: "e"}, {Key: "f"}}
	for i := range initialTasks {
		item := &initialTasks[i]
		db.Create(item)
	}
}
