package main

import (
	"archive/zip"
	"bytes"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gxu-fl/bangfu/pipeline/synth"
)

// TestKillAnywhere: a build killed with SIGKILL at random moments, many times, leaves
// every output either absent or complete (never a part), and the next build repairs
// the rest: its outputs equal a build from an empty output/.
func TestKillAnywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("kills real builds")
	}
	bin := filepath.Join(t.TempDir(), "bangfu")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v %s", err, out)
	}
	dir := t.TempDir()
	if err := synth.Write(dir, 300); err != nil {
		t.Fatal(err)
	}
	cmd := func() *exec.Cmd { return exec.Command(bin, "-C", dir, "build", "--quiet", "--today", "2025-11-01") }
	// How long a full build takes here, to aim the kills inside it.
	start := time.Now()
	if out, err := cmd().CombinedOutput(); err != nil {
		t.Fatalf("build: %v %s", err, out)
	}
	full := time.Since(start)
	want := snapshot(t, filepath.Join(dir, "output"))

	rng := rand.New(rand.NewPCG(1, 2))
	interrupted := 0
	for i := 0; i < 25; i++ {
		// Change a third of the records' comments, or start from nothing, so each run has work.
		if i%3 == 0 {
			os.RemoveAll(filepath.Join(dir, "output"))
		} else {
			touchRecords(t, dir, i)
		}
		c := cmd()
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(full))))
		c.Process.Signal(syscall.SIGKILL)
		if err := c.Wait(); err != nil {
			interrupted++ // killed before it finished
		}
		checkComplete(t, filepath.Join(dir, "output"))
	}
	// The kills must land inside builds, or this test proves nothing. (Two runs in three
	// are incremental and shorter than the full build the sleeps are drawn against.)
	if interrupted < 8 {
		t.Fatalf("only %d of 25 builds were interrupted", interrupted)
	}
	t.Logf("%d of 25 builds killed mid-way; full build takes %v", interrupted, full)
	// Undo the comment edits, then one build repairs everything.
	touchRecords(t, dir, -1)
	if out, err := cmd().CombinedOutput(); err != nil {
		t.Fatalf("repair build: %v %s", err, out)
	}
	got := snapshot(t, filepath.Join(dir, "output"))
	if len(got) != len(want) {
		t.Fatalf("%d outputs after repair, %d from a clean build", len(got), len(want))
	}
	for p, b := range want {
		if !bytes.Equal(got[p], b) {
			t.Errorf("%s differs after repair", p)
		}
	}
}

// touchRecords appends (or, with n < 0, removes) a comment line in a third of the cases.
func touchRecords(t *testing.T, dir string, n int) {
	files, _ := filepath.Glob(filepath.Join(dir, "records", synth.Semester, "students", "*.yaml"))
	for i, f := range files {
		if n >= 0 && i%3 != n%3 {
			continue
		}
		b, _ := os.ReadFile(f)
		if k := bytes.Index(b, []byte("\n# touched")); k >= 0 {
			b = b[:k+1]
		}
		if n >= 0 {
			b = append(b, []byte("# touched "+strings.Repeat("x", n))...)
		}
		os.WriteFile(f, b, 0o644)
	}
}

// checkComplete fails on any output that is not a whole package (a .docx or .xlsx
// whose every part inflates with the right checksum).
func checkComplete(t *testing.T, out string) {
	t.Helper()
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".tmp-") || strings.Contains(p, ".bangfu") {
			return nil // a temporary file: never a document, swept by the next build
		}
		zr, err := zip.OpenReader(p)
		if err != nil {
			t.Errorf("%s is not a complete package: %v", p, err)
			return nil
		}
		defer zr.Close()
		for _, f := range zr.File {
			rc, err := f.Open()
			if err == nil {
				_, err = io.Copy(io.Discard, rc)
				rc.Close()
			}
			if err != nil {
				t.Errorf("%s: part %s: %v", p, f.Name, err)
			}
		}
		return nil
	})
}

func snapshot(t *testing.T, out string) map[string][]byte {
	m := map[string][]byte{}
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(p, ".bangfu") {
			return nil
		}
		b, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(out, p)
		m[rel] = b
		return nil
	})
	return m
}
