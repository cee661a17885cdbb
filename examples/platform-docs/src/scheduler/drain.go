package scheduler

// Mover places a replacement for an instance and stops the original once the
// replacement is healthy. The control plane provides the real implementation.
type Mover interface {
	Replace(instanceID string) error
}

// DrainResult lists what a drain did.
type DrainResult struct {
	Moved []string
	Stuck []string
}

// DrainNode moves every instance off a node. An instance whose replacement
// cannot be placed is reported as stuck and left running.
func DrainNode(instanceIDs []string, m Mover) DrainResult {
	var res DrainResult
	for _, id := range instanceIDs {
		if err := m.Replace(id); err != nil {
			res.Stuck = append(res.Stuck, id)
			continue
		}
		res.Moved = append(res.Moved, id)
	}
	return res
}
