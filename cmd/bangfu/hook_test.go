package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestHook(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := copyDemo(t)
	gitCommit(t, dir, "2026-11-20T09:00:00+08:00")
	git := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	rec := filepath.Join(dir, "records", "2026-2027-1", "students", "2025010111.yaml")
	good, _ := os.ReadFile(rec)
	hook := func() (string, int) { _, errs, code := run(t, "-C", dir, "hook", "run"); return errs, code }

	if _, errs, code := run(t, "-C", dir, "hook", "install"); code != 0 {
		t.Fatalf("install: %s", errs)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, ".git", "hooks", "pre-commit")); !strings.Contains(string(b), "exec bangfu hook run") {
		t.Fatalf("hook script: %s", b)
	}

	if errs, code := hook(); code != 0 {
		t.Errorf("a clean index: %d %s", code, errs)
	}
	// An error in the work tree only: the commit being made is fine.
	os.WriteFile(rec, []byte(strings.Replace(string(good), "level: 学业警示", "level: 学业", 1)), 0o644)
	if errs, code := hook(); code != 0 {
		t.Errorf("unstaged error refused the commit: %s", errs)
	}
	// Staged, it is refused with the validate message.
	git("add", "-A")
	if errs, code := hook(); code != 1 || !strings.Contains(errs, "2025010111.yaml:10:10: warning.level") || !strings.Contains(errs, "提交已拒绝") {
		t.Errorf("staged error: %d %s", code, errs)
	}
	// A plain bank account added under records/ is refused, naming the line and the place it belongs.
	os.WriteFile(rec, []byte(string(good)+"# 帮扶人账号 6217 8500 0000 0000 005\n"), 0o644)
	git("add", "-A")
	errs, code := hook()
	if code != 1 || !strings.Contains(errs, "records/2026-2027-1/students/2025010111.yaml:") || !strings.Contains(errs, "private/accounts.yaml") || strings.Contains(errs, "6217 8500") {
		t.Errorf("bank number: %d %s", code, errs)
	}

	// Through git itself, with bangfu on the PATH.
	bin := t.TempDir()
	if out, err := exec.Command("go", "build", "-o", filepath.Join(bin, "bangfu"), ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v %s", err, out)
	}
	cmd := exec.Command("git", "commit", "-q", "-m", "记录账号")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "GIT_CONFIG_GLOBAL=/dev/null",
		"GIT_AUTHOR_NAME=王芳", "GIT_AUTHOR_EMAIL=wf@example.invalid", "GIT_COMMITTER_NAME=王芳", "GIT_COMMITTER_EMAIL=wf@example.invalid")
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "银行卡号") {
		t.Errorf("git commit went through the hook: %v %s", err, out)
	}

	// Another tool's hook is never replaced.
	os.WriteFile(filepath.Join(dir, ".git", "hooks", "pre-commit"), []byte("#!/bin/sh\nexit 0\n"), 0o755)
	if _, _, code := run(t, "-C", dir, "hook", "install"); code != 2 {
		t.Error("install replaced another hook")
	}
}
