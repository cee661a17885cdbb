// Package scheduler chooses a node for each pending instance.
package scheduler

import (
	"errors"
	"sort"
)

// Policy selects how replicas of one app are placed.
type Policy int

const (
	// SpreadPolicy prefers the failure domain holding the fewest replicas of
	// the app, then the least loaded node in it (ADR 0003). It is the default.
	SpreadPolicy Policy = iota
	// BinPackPolicy fills the fullest node that still fits (ADR 0002); batch
	// apps opt into it.
	BinPackPolicy
)

// ErrNoFit means no schedulable node can hold the instance.
var ErrNoFit = errors.New("scheduler: no node fits")

// Node is a candidate worker node as the scheduler sees it.
type Node struct {
	Name          string
	Domain        string
	FreeMemoryMB  int
	TotalMemoryMB int
	Schedulable   bool
	// AppReplicasInDomain counts replicas of the app being placed that
	// already run in this node's failure domain.
	AppReplicasInDomain int
}

// Instance is one replica waiting for a node.
type Instance struct {
	ID       string
	App      string
	MemoryMB int
}

// PlaceWorkload returns the name of the node that should run inst.
func PlaceWorkload(inst Instance, nodes []Node, policy Policy) (string, error) {
	type scored struct {
		name  string
		score int
	}
	var candidates []scored
	for _, n := range nodes {
		if !n.Schedulable || n.FreeMemoryMB < inst.MemoryMB {
			continue
		}
		candidates = append(candidates, scored{n.Name, scoreNode(inst, n, policy)})
	}
	if len(candidates) == 0 {
		return "", ErrNoFit
	}
	sort.Slice(candidates, func(i, j int) bool {
		if candidates[i].score != candidates[j].score {
			return candidates[i].score > candidates[j].score
		}
		return candidates[i].name < candidates[j].name
	})
	return candidates[0].name, nil
}

// scoreNode rates a node from 0 (worst) to 100 (best) for inst.
func scoreNode(inst Instance, n Node, policy Policy) int {
	freeAfter := 100 * (n.FreeMemoryMB - inst.MemoryMB) / max(n.TotalMemoryMB, 1)
	if policy == BinPackPolicy {
		return 100 - freeAfter
	}
	spread := 50 - 10*min(n.AppReplicasInDomain, 5)
	return spread + freeAfter/2
}
