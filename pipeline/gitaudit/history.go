package gitaudit

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"
)

// Version is one commit's copy of a file.
type Version struct {
	Commit  string
	Author  string
	Time    time.Time
	Subject string
	Path    string // the file's path in that commit (it may have been renamed since)
	Data    []byte // nil when the commit deleted it
}

// History lists every commit that touched path, oldest first, following renames,
// with the file as that commit left it.
func History(ctx context.Context, dir, path string) ([]Version, error) {
	return HistoryAt(ctx, dir, "HEAD", path)
}

// HistoryAt is History as of the commit rev (what a bundle of that commit shows).
func HistoryAt(ctx context.Context, dir, rev, path string) ([]Version, error) {
	out, err := git(ctx, dir, "log", "--follow", "--format=%x01%H%x00%an%x00%aI%x00%s", "--name-status", rev, "--", path)
	if err != nil {
		return nil, err
	}
	var vs []Version
	for _, rec := range strings.Split(string(out), "\x01") {
		rec = strings.TrimSpace(rec)
		if rec == "" {
			continue
		}
		head, rest, _ := strings.Cut(rec, "\n")
		f := strings.SplitN(head, "\x00", 4)
		if len(f) != 4 {
			return nil, fmt.Errorf("git log: unexpected line %q", head)
		}
		t, _ := time.Parse(time.RFC3339, f[2])
		v := Version{Commit: f[0], Author: f[1], Time: t, Subject: f[3], Path: path}
		deleted := false
		for _, line := range strings.Split(strings.TrimSpace(rest), "\n") {
			cols := strings.Split(line, "\t")
			switch {
			case len(cols) >= 3 && strings.HasPrefix(cols[0], "R"):
				v.Path = cols[2]
			case len(cols) >= 2:
				v.Path = cols[1]
				deleted = cols[0] == "D"
			}
		}
		if !deleted {
			v.Data, err = git(ctx, dir, "show", v.Commit+":"+v.Path)
			if err != nil {
				return nil, err
			}
		}
		vs = append(vs, v)
	}
	for i, j := 0, len(vs)-1; i < j; i, j = i+1, j-1 {
		vs[i], vs[j] = vs[j], vs[i]
	}
	return vs, nil
}

// Uncommitted reports whether path has changes the commits do not hold yet.
func Uncommitted(ctx context.Context, dir, path string) (bool, error) {
	out, err := git(ctx, dir, "status", "--porcelain", "--", path)
	if err != nil {
		return false, err
	}
	return len(bytes.TrimSpace(out)) > 0, nil
}
