package gen

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the committed templates/*.docx")

// TestCommittedTemplates fails when templates/*.docx drift from this generator
// (go test ./templates/gen -update rewrites them).
func TestCommittedTemplates(t *testing.T) {
	for name, data := range Build() {
		if !bytes.Equal(data, Build()[name]) {
			t.Fatalf("%s: two builds differ", name)
		}
		p := filepath.Join("..", name)
		if *update {
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, data) {
			t.Errorf("%s is out of date: go test ./templates/gen -update", name)
		}
	}
}
