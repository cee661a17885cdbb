package ipam

import (
	"net/netip"
	"testing"
)

func TestAllocateIsIdempotent(t *testing.T) {
	a := NewAllocator(netip.MustParsePrefix("10.40.3.0/24"))
	first, err := a.Allocate("inst-1")
	if err != nil {
		t.Fatal(err)
	}
	second, _ := a.Allocate("inst-1")
	if first != second {
		t.Fatalf("got %v then %v", first, second)
	}
}

func TestExhausted(t *testing.T) {
	a := NewAllocator(netip.MustParsePrefix("10.40.3.0/30"))
	for _, id := range []string{"a", "b", "c"} {
		_, _ = a.Allocate(id)
	}
	if _, err := a.Allocate("d"); err != ErrPoolExhausted {
		t.Fatalf("got %v, want ErrPoolExhausted", err)
	}
}
