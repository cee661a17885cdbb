// Package ipam hands out overlay addresses from a node's block.
package ipam

import (
	"errors"
	"net/netip"
	"sync"
	"time"
)

// ErrPoolExhausted means every address in the block is in use or cooling down.
var ErrPoolExhausted = errors.New("ipam: pool exhausted")

// ReuseDelay is how long a released address waits before it is handed out again.
const ReuseDelay = 10 * time.Minute

// Allocator owns one node's block of addresses.
type Allocator struct {
	mu       sync.Mutex
	block    netip.Prefix
	byID     map[string]netip.Addr
	inUse    map[netip.Addr]bool
	released map[netip.Addr]time.Time
	now      func() time.Time
}

// NewAllocator returns an Allocator for block.
func NewAllocator(block netip.Prefix) *Allocator {
	return &Allocator{
		block:    block.Masked(),
		byID:     map[string]netip.Addr{},
		inUse:    map[netip.Addr]bool{},
		released: map[netip.Addr]time.Time{},
		now:      time.Now,
	}
}

// Allocate returns the address for instanceID, reusing the one it already has.
func (a *Allocator) Allocate(instanceID string) (netip.Addr, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if addr, ok := a.byID[instanceID]; ok {
		return addr, nil
	}
	for addr := a.block.Addr().Next(); a.block.Contains(addr); addr = addr.Next() {
		if a.inUse[addr] {
			continue
		}
		if at, ok := a.released[addr]; ok && a.now().Sub(at) < ReuseDelay {
			continue
		}
		a.inUse[addr] = true
		a.byID[instanceID] = addr
		delete(a.released, addr)
		return addr, nil
	}
	return netip.Addr{}, ErrPoolExhausted
}

// Release returns instanceID's address; it becomes reusable after ReuseDelay.
func (a *Allocator) Release(instanceID string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	addr, ok := a.byID[instanceID]
	if !ok {
		return
	}
	delete(a.byID, instanceID)
	delete(a.inUse, addr)
	a.released[addr] = a.now()
}
