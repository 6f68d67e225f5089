package sinks

// produceRules is the produce part of the knowledge base.
var produceRules = []Rule{}
