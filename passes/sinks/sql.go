package sinks

// sqlRules is the sql part of the knowledge base.
var sqlRules = []Rule{}
