package store_test

import (
	"sync"
	"testing"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/gxu-fl/bangfu/pipeline/store"
	"github.com/gxu-fl/bangfu/pipeline/synth"
)

var (
	benchOnce sync.Once
	benchDir  string
)

func repo5000(b *testing.B) string {
	benchOnce.Do(func() {
		dir, err := tempDir()
		if err != nil {
			b.Fatal(err)
		}
		if err := synth.Write(dir, 5000); err != nil {
			b.Fatal(err)
		}
		benchDir = dir
	})
	return benchDir
}

// BenchmarkValidate5000 is bangfu validate's work on 5,000 cases: load every file and
// apply the rules. Target (README): under 1 s on the 2-core machine.
func BenchmarkValidate5000(b *testing.B) {
	dir := repo5000(b)
	b.ResetTimer()
	for b.Loop() {
		repo, fs, err := store.Load(dir)
		if err != nil {
			b.Fatal(err)
		}
		fs = append(fs, pipeline.Check(repo, pipeline.NewDate(2025, 11, 1))...)
		if len(repo.Cases) != 5000 || len(fs) == 0 {
			b.Fatalf("%d cases, %d findings", len(repo.Cases), len(fs))
		}
	}
}
