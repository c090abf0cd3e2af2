package store_test

import (
	"os"
	"testing"
)

// TestMain removes the repository the benchmark generates (it outlives each run).
func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}
