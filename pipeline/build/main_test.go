package build_test

import (
	"os"
	"testing"
)

// TestMain removes the repository the benchmarks generate (it outlives each one).
func TestMain(m *testing.M) {
	code := m.Run()
	if repoDir != "" {
		os.RemoveAll(repoDir)
	}
	os.Exit(code)
}
