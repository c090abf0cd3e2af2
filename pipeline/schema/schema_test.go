package schema

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the committed schema/ files")

// TestCommittedSchemasMatch fails when the schemas in the project's schema/ folder
// drift from the Go definitions (go test ./pipeline/schema -update rewrites them).
func TestCommittedSchemasMatch(t *testing.T) {
	for _, f := range Files {
		t.Run(f.Name, func(t *testing.T) {
			got := Generate(f)
			var v map[string]any
			if err := json.Unmarshal(got, &v); err != nil {
				t.Fatalf("not JSON: %v", err)
			}
			path := filepath.Join("..", "..", "schema", f.Name)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s is out of date with the Go definitions: run go test ./pipeline/schema -update", path)
			}
			if !bytes.Equal(Generate(f), got) {
				t.Error("two generations differ")
			}
		})
	}
}

func TestCaseSchemaShape(t *testing.T) {
	var s struct {
		Required   []string                   `json:"required"`
		Properties map[string]json.RawMessage `json:"properties"`
		Additional bool                       `json:"additionalProperties"`
	}
	if err := json.Unmarshal(Generate(Files[0]), &s); err != nil {
		t.Fatal(err)
	}
	if len(s.Required) != 3 || s.Required[0] != "semester" || s.Required[1] != "student" || s.Required[2] != "warning" {
		t.Errorf("required = %v", s.Required)
	}
	if s.Additional {
		t.Error("unknown keys must be flagged")
	}
	var warning struct {
		Properties map[string]struct {
			Enum  []string `json:"enum"`
			Title string   `json:"title"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(s.Properties["warning"], &warning); err != nil {
		t.Fatal(err)
	}
	lv := warning.Properties["level"]
	if lv.Title != "警示类别" || len(lv.Enum) != 3 || lv.Enum[0] != "学业警示" {
		t.Errorf("warning.level = %+v", lv)
	}
}
