package scheduler

import "testing"

func TestSpreadPrefersEmptyDomain(t *testing.T) {
	nodes := []Node{
		{Name: "a", Domain: "rack-1", FreeMemoryMB: 4096, TotalMemoryMB: 8192, Schedulable: true, AppReplicasInDomain: 2},
		{Name: "b", Domain: "rack-2", FreeMemoryMB: 2048, TotalMemoryMB: 8192, Schedulable: true},
	}
	got, err := PlaceWorkload(Instance{ID: "i1", App: "web", MemoryMB: 512}, nodes, SpreadPolicy)
	if err != nil || got != "b" {
		t.Fatalf("got %q, %v; want b", got, err)
	}
}

func TestNoFit(t *testing.T) {
	_, err := PlaceWorkload(Instance{MemoryMB: 1 << 20}, []Node{{Name: "a", Schedulable: true}}, SpreadPolicy)
	if err != ErrNoFit {
		t.Fatalf("got %v, want ErrNoFit", err)
	}
}
