// This is just the simplest Pub/Sub implementation
//
// All Pub/Sub implementations can be found at https://watermill.io/pubsubs/

package gochannel
