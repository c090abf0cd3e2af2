package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestRecordsRepositoryCI: the CI files bangfu init writes parse as YAML, and the
// bangfu commands they run — exactly those lines — work in a records repository:
// validate passes, build and bundle leave the zip the artifact path names.
func TestRecordsRepositoryCI(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "repo")
	if _, errs, code := run(t, "init", dir); code != 0 {
		t.Fatalf("init: %s", errs)
	}
	demo := copyDemo(t)
	for _, f := range []string{"bangfu.yaml", "records"} {
		os.RemoveAll(filepath.Join(dir, f))
		os.Rename(filepath.Join(demo, f), filepath.Join(dir, f))
	}
	gitCommit(t, dir, "2026-11-20T09:00:00+08:00")

	var gitlab struct {
		Default struct {
			BeforeScript []string `yaml:"before_script"`
		} `yaml:"default"`
		Validate struct{ Script []string } `yaml:"validate"`
		Bundle   struct {
			Script    []string
			Artifacts struct{ Paths []string } `yaml:"artifacts"`
		} `yaml:"bundle"`
	}
	var github struct {
		Jobs map[string]struct {
			Steps []struct {
				Run  string         `yaml:"run"`
				Uses string         `yaml:"uses"`
				With map[string]any `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	for _, f := range []struct {
		path string
		v    any
	}{{".gitlab-ci.yml", &gitlab}, {".github/workflows/bangfu.yml", &github}} {
		b, err := os.ReadFile(filepath.Join(dir, f.path))
		if err != nil {
			t.Fatal(err)
		}
		if err := yaml.Unmarshal(b, f.v); err != nil {
			t.Fatalf("%s does not parse: %v", f.path, err)
		}
	}
	commands := append(append([]string{}, gitlab.Validate.Script...), gitlab.Bundle.Script...)
	var artifact []string
	for _, job := range []string{"validate", "bundle"} {
		for _, s := range github.Jobs[job].Steps {
			if s.Run != "" {
				commands = append(commands, s.Run)
			}
			if p, ok := s.With["path"].(string); ok && strings.Contains(s.Uses, "upload-artifact") {
				artifact = append(artifact, p)
			}
		}
	}
	artifact = append(artifact, gitlab.Bundle.Artifacts.Paths...)
	if !strings.Contains(strings.Join(gitlab.Default.BeforeScript, "\n"), "go install github.com/gxu-fl/bangfu/cmd/bangfu@$BANGFU_VERSION") {
		t.Errorf("GitLab installs bangfu how? %v", gitlab.Default.BeforeScript)
	}
	ran := 0
	for _, c := range commands {
		if strings.HasPrefix(c, "go install ") {
			continue // installs bangfu; this test runs it in-process
		}
		args := strings.Fields(c)
		if args[0] != "bangfu" {
			t.Fatalf("a CI step runs %q", c)
		}
		if out, errs, code := run(t, append([]string{"-C", dir}, args[1:]...)...); code != 0 {
			t.Errorf("%s: exit %d\n%s%s", c, code, out, errs)
		}
		ran++
	}
	if ran != 6 {
		t.Errorf("%d bangfu commands in the CI files, want 6", ran)
	}
	for _, p := range artifact {
		if m, _ := filepath.Glob(filepath.Join(dir, p)); len(m) != 1 || !strings.HasSuffix(m[0], "2026-2027-1_外国语学院_学业帮扶材料.zip") {
			t.Errorf("artifact %s matches %v", p, m)
		}
	}

	// The editor settings map each schema to its records.
	var vs struct {
		Schemas map[string]any `json:"yaml.schemas"`
	}
	b, _ := os.ReadFile(filepath.Join(dir, ".vscode", "settings.json"))
	if err := json.Unmarshal(b, &vs); err != nil || vs.Schemas["./schema/case.schema.json"] != "records/*/students/*.yaml" {
		t.Errorf(".vscode/settings.json: %v %v", err, vs.Schemas)
	}
	for p := range vs.Schemas {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("settings name a schema init did not write: %s", p)
		}
	}
}
