package sinks

// ormRules is the orm part of the knowledge base.
var ormRules = []Rule{}
