// Package gitaudit reads a records repository's git history through the git
// command line: the audit trail of who changed what, and the commit a build is from.
package gitaudit

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// ErrNotRepo is returned outside a git work tree (or where git is not installed).
var ErrNotRepo = errors.New("not a git repository")

// git runs one git command in dir and returns its standard output.
func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir, "-c", "core.quotepath=off"}, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errb.String())
		if strings.Contains(msg, "not a git repository") || errors.Is(err, exec.ErrNotFound) {
			return nil, ErrNotRepo
		}
		return nil, fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, msg)
	}
	return out.Bytes(), nil
}

// Head is the commit a work tree is at and whether the tree has uncommitted changes.
type Head struct {
	Commit string
	Time   time.Time // committer date, in the committer's zone
	Clean  bool
}

// HeadOf describes the work tree at dir; ErrNotRepo outside git or before the first commit.
func HeadOf(ctx context.Context, dir string) (Head, error) {
	out, err := git(ctx, dir, "log", "-1", "--format=%H %cI")
	if err != nil {
		return Head{}, err
	}
	f := strings.Fields(string(out))
	if len(f) != 2 {
		return Head{}, ErrNotRepo
	}
	t, err := time.Parse(time.RFC3339, f[1])
	if err != nil {
		return Head{}, err
	}
	st, err := git(ctx, dir, "status", "--porcelain", "--untracked-files=normal", "--", ".")
	if err != nil {
		return Head{}, err
	}
	return Head{Commit: f[0], Time: t, Clean: len(bytes.TrimSpace(st)) == 0}, nil
}
