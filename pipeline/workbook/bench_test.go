package workbook_test

import (
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/gxu-fl/bangfu/pipeline/store"
	"github.com/gxu-fl/bangfu/pipeline/synth"
	"github.com/gxu-fl/bangfu/pipeline/workbook"
)

var (
	bigOnce sync.Once
	bigRepo *pipeline.Repo
	bigFs   []pipeline.Finding
)

// BenchmarkWorkbook30000 writes the workbook of 30,000 cases in one semester (target:
// under 5 s, peak memory under 300 MB). peak-heap-MB is the most live heap seen while
// writing, above what the loaded records already hold.
func BenchmarkWorkbook30000(b *testing.B) {
	bigOnce.Do(func() {
		dir, err := os.MkdirTemp("", "bangfu-wb-bench-")
		if err != nil {
			b.Fatal(err)
		}
		defer os.RemoveAll(dir)
		if err := synth.Write(dir, benchCases); err != nil {
			b.Fatal(err)
		}
		bigRepo, bigFs, err = store.Load(dir)
		if err != nil {
			b.Fatal(err)
		}
		bigFs = append(bigFs, pipeline.Check(bigRepo, pipeline.NewDate(2025, 11, 1))...)
	})
	tmp := b.TempDir()
	// One write under aggressive GC measures what the workbook itself holds at its
	// peak (the heap otherwise also carries garbage not yet collected).
	old := debug.SetGCPercent(5)
	runtime.GC()
	base := heapLive()
	peak := base
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				peak = max(peak, heapLive())
			}
		}
	}()
	if err := workbook.Write(io.Discard, workbook.Input{Repo: bigRepo, Semester: synth.Semester, Findings: bigFs, TmpDir: tmp}); err != nil {
		b.Fatal(err)
	}
	close(stop)
	<-done
	debug.SetGCPercent(old)
	b.ResetTimer()
	for b.Loop() {
		if err := workbook.Write(io.Discard, workbook.Input{Repo: bigRepo, Semester: synth.Semester, Findings: bigFs, TmpDir: tmp}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(peak-base)/(1<<20), "peak-heap-MB")
}

func heapLive() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// benchCases is the size of BenchmarkWorkbook30000's repository.
var benchCases = 30000
