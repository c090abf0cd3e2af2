package store_test

import "os"

// tempDir is a folder that outlives one benchmark run (b.TempDir would be removed between runs).
func tempDir() (string, error) { return os.MkdirTemp("", "bangfu-bench-") }
