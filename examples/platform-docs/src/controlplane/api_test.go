package controlplane

import (
	"context"
	"testing"
)

func TestCreateAppRequiresName(t *testing.T) {
	s := NewServer(nil)
	if _, err := s.CreateApp(context.Background(), CreateAppRequest{}); err == nil {
		t.Fatal("expected an error for an empty name")
	}
}
