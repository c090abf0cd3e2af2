package gitaudit

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// gitRepo makes a repository with one commit dated date, by an author with a Chinese name.
func gitRepo(t *testing.T, date string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	run := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=王芳", "GIT_AUTHOR_EMAIL=wf@example.invalid",
			"GIT_COMMITTER_NAME=王芳", "GIT_COMMITTER_EMAIL=wf@example.invalid",
			"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "GIT_CONFIG_GLOBAL=/dev/null")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	run("init", "-q", "-b", "main")
	os.WriteFile(filepath.Join(dir, "bangfu.yaml"), []byte("college: x\n"), 0o644)
	run("add", ".")
	run("commit", "-q", "-m", "第一次提交")
	return dir
}

func TestHeadOf(t *testing.T) {
	dir := gitRepo(t, "2025-10-25T16:30:00+08:00")
	h, err := HeadOf(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if !h.Clean || len(h.Commit) != 40 || h.Time.Format("2006-01-02 15:04") != "2025-10-25 16:30" {
		t.Errorf("head %+v", h)
	}
	os.WriteFile(filepath.Join(dir, "bangfu.yaml"), []byte("college: y\n"), 0o644)
	if h, _ := HeadOf(context.Background(), dir); h.Clean {
		t.Error("a modified tree reads as clean")
	}
	if _, err := HeadOf(context.Background(), t.TempDir()); !errors.Is(err, ErrNotRepo) {
		t.Errorf("outside a repository: %v", err)
	}
}
