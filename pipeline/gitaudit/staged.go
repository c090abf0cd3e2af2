package gitaudit

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// GitDir is the repository's .git folder (for hooks).
func GitDir(ctx context.Context, dir string) (string, error) {
	out, err := git(ctx, dir, "rev-parse", "--absolute-git-dir")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// Top is the work tree's top folder.
func Top(ctx context.Context, dir string) (string, error) {
	out, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// ExportIndex writes the staged version of every file into dest: what the commit
// being made will hold, not the work tree.
func ExportIndex(ctx context.Context, dir, dest string) error {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return err
	}
	_, err = git(ctx, dir, "checkout-index", "--all", "--force", "--prefix="+abs+string(filepath.Separator))
	return err
}

// AddedLine is a line the staged change adds.
type AddedLine struct {
	File string
	Line int
	Text string
}

// StagedAdditions lists the lines the staged change adds under the given paths.
func StagedAdditions(ctx context.Context, dir string, paths ...string) ([]AddedLine, error) {
	args := append([]string{"diff", "--cached", "--no-color", "--no-ext-diff", "-U0", "--"}, paths...)
	out, err := git(ctx, dir, args...)
	if err != nil {
		return nil, err
	}
	var lines []AddedLine
	file, n := "", 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "+++ "):
			file = strings.TrimPrefix(strings.TrimPrefix(l, "+++ "), "b/")
		case strings.HasPrefix(l, "@@ "):
			// @@ -a,b +c,d @@: the added lines start at c.
			f := strings.Fields(l)
			if len(f) >= 3 {
				start, _, _ := strings.Cut(strings.TrimPrefix(f[2], "+"), ",")
				n, _ = strconv.Atoi(start)
			}
		case strings.HasPrefix(l, "+") && !strings.HasPrefix(l, "+++"):
			lines = append(lines, AddedLine{File: file, Line: n, Text: l[1:]})
			n++
		}
	}
	return lines, sc.Err()
}
