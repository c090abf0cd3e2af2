package gitaudit

import (
	"archive/tar"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Extract writes the tree of commit into dest (which should be empty), as git archive
// gives it: the repository as that commit saw it, without the work tree's changes.
func Extract(ctx context.Context, dir, commit, dest string) error {
	if _, err := git(ctx, dir, "cat-file", "-e", commit+"^{commit}"); err != nil {
		return fmt.Errorf("commit %s is not in this repository", commit)
	}
	cmd := exec.CommandContext(ctx, "git", "-C", dir, "archive", "--format=tar", commit)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	tr := tar.NewReader(out)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			cmd.Wait()
			return err
		}
		name := filepath.FromSlash(h.Name)
		if !filepath.IsLocal(name) {
			continue // never outside dest
		}
		p := filepath.Join(dest, name)
		switch h.Typeflag {
		case tar.TypeDir:
			os.MkdirAll(p, 0o755)
		case tar.TypeReg:
			os.MkdirAll(filepath.Dir(p), 0o755)
			f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if err != nil {
				cmd.Wait()
				return err
			}
			_, err = io.Copy(f, tr)
			f.Close()
			if err != nil {
				cmd.Wait()
				return err
			}
		}
	}
	if err := cmd.Wait(); err != nil && !strings.Contains(err.Error(), "signal") {
		return err
	}
	return nil
}
