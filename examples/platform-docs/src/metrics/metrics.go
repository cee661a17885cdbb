// Package metrics exports the control plane's counters.
package metrics

// Counter counts events of one kind.
type Counter struct {
	name  string
	value uint64
}

// NewCounter returns a counter that starts at zero.
func NewCounter(name string) *Counter {
	return &Counter{name: name}
}

// Inc adds one to the counter.
func (c *Counter) Inc() { c.value++ }
