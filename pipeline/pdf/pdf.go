// Package pdf turns documents into PDF through LibreOffice (soffice --headless), one
// process per folder of documents, never one per file.
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// ErrNoSoffice says LibreOffice is not installed, with how to install it.
var ErrNoSoffice = errors.New("PDF 需要 LibreOffice（soffice），但没有找到：Debian/Ubuntu 上 apt-get install libreoffice-writer-nogui，Windows/macOS 上安装 LibreOffice 后重试（LibreOffice is not installed）")

// Soffice is the LibreOffice command, found on PATH.
func Soffice() (string, error) {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoSoffice
}

// Convert writes X.pdf next to each X.docx (or .xlsx). Each PDF is converted into a
// private folder first and renamed into place, so a reader never sees half of one.
func Convert(ctx context.Context, docs []string) error {
	if len(docs) == 0 {
		return nil
	}
	soffice, err := Soffice()
	if err != nil {
		return err
	}
	byDir := map[string][]string{}
	for _, d := range docs {
		byDir[filepath.Dir(d)] = append(byDir[filepath.Dir(d)], d)
	}
	dirs := make([]string, 0, len(byDir))
	for d := range byDir {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	profile, err := os.MkdirTemp("", "bangfu-soffice-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	for _, dir := range dirs {
		tmp, err := os.MkdirTemp(dir, ".tmp-pdf-")
		if err != nil {
			return err
		}
		args := append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(profile), "--headless", "--norestore",
			"--convert-to", "pdf", "--outdir", tmp}, byDir[dir]...)
		cmd := exec.CommandContext(ctx, soffice, args...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		runErr := cmd.Run()
		for _, d := range byDir[dir] {
			name := strings.TrimSuffix(filepath.Base(d), filepath.Ext(d)) + ".pdf"
			if err := os.Rename(filepath.Join(tmp, name), filepath.Join(dir, name)); err != nil && runErr == nil {
				runErr = fmt.Errorf("LibreOffice did not convert %s: %s", filepath.Base(d), strings.TrimSpace(out.String()))
			}
		}
		os.RemoveAll(tmp)
		if runErr != nil {
			return runErr
		}
	}
	return nil
}
