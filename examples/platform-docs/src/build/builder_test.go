package build

import "testing"

func TestCacheKeyDependsOnSettings(t *testing.T) {
	if CacheKey("d", "h", "go1.22") == CacheKey("d", "h", "go1.23") {
		t.Fatal("language version must change the cache key")
	}
}
