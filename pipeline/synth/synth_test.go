package synth_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/gxu-fl/bangfu/pipeline/store"
	"github.com/gxu-fl/bangfu/pipeline/synth"
)

// TestSynthIsValidAndDeterministic: a generated repository has no errors and the
// same size gives the same bytes.
func TestSynthIsValidAndDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if err := synth.Write(d, 200); err != nil {
			t.Fatal(err)
		}
	}
	repo, fs, err := store.Load(a)
	if err != nil {
		t.Fatal(err)
	}
	fs = append(fs, pipeline.Check(repo, pipeline.NewDate(2025, 11, 1))...)
	for _, f := range fs {
		if f.Severity == pipeline.Error {
			t.Errorf("generated repository has an error: %+v", f)
		}
	}
	if len(repo.Cases) != 200 {
		t.Errorf("%d cases", len(repo.Cases))
	}
	files, _ := store.Walk(a)
	for _, f := range files {
		x, _ := os.ReadFile(filepath.Join(a, f.Path))
		y, _ := os.ReadFile(filepath.Join(b, f.Path))
		if string(x) != string(y) {
			t.Fatalf("%s differs between two runs", f.Path)
		}
	}
}
