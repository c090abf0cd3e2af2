// Package bundle writes and checks the term's archive: one zip the 教学秘书 downloads,
// with a MANIFEST.txt that names every file's SHA-256 and the commit it was built from.
// The same files and manifest give the same bytes.
package bundle

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
)

// ManifestName is the manifest's name inside the bundle's folder.
const ManifestName = "MANIFEST.txt"

// Manifest is what a bundle says of itself.
type Manifest struct {
	Semester string
	College  string
	Commit   string // the git commit built from, or "" outside git
	Clean    bool   // the work tree had no uncommitted changes
	Today    string // the date to-dos were judged on
	Version  string // bangfu's
	// Files maps each file's path inside the bundle's folder to its SHA-256 (hex).
	Files map[string]string
}

// Entry is one file to put in a bundle: its path inside the bundle's folder and the
// file on disk it is copied from.
type Entry struct {
	Name string
	Path string
}

// Folder is the bundle's top folder: 2025-2026-1_外国语学院_学业帮扶材料.
func Folder(semester, college string) string {
	return semester + "_" + college + "_学业帮扶材料"
}

// entryTime is every entry's time: the bundle is a function of its inputs only.
var entryTime = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// Write writes the bundle: every entry under the folder, in name order, then the manifest.
func Write(w io.Writer, m Manifest, entries []Entry) error {
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name < entries[j].Name })
	m.Files = map[string]string{}
	zw := zip.NewWriter(w)
	top := Folder(m.Semester, m.College) + "/"
	for i, e := range entries {
		if i > 0 && entries[i-1].Name == e.Name {
			return fmt.Errorf("bundle: %s twice", e.Name)
		}
		data, err := os.ReadFile(e.Path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		m.Files[e.Name] = hex.EncodeToString(sum[:])
		// The documents are zip packages already: stored, not deflated again.
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: top + e.Name, Method: zip.Store, Modified: entryTime})
		if err != nil {
			return err
		}
		if _, err := fw.Write(data); err != nil {
			return err
		}
	}
	fw, err := zw.CreateHeader(&zip.FileHeader{Name: top + ManifestName, Method: zip.Deflate, Modified: entryTime})
	if err != nil {
		return err
	}
	if _, err := fw.Write(m.Text()); err != nil {
		return err
	}
	return zw.Close()
}

// Text is the manifest as MANIFEST.txt holds it.
func (m Manifest) Text() []byte {
	var b bytes.Buffer
	commit := m.Commit
	if commit == "" {
		commit = "(none)"
	}
	fmt.Fprintf(&b, "bangfu bundle\nsemester: %s\ncollege: %s\ncommit: %s\nclean: %t\ntoday: %s\nbangfu: %s\n\n", m.Semester, m.College, commit, m.Clean, m.Today, m.Version)
	names := make([]string, 0, len(m.Files))
	for n := range m.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(&b, "%s  %s\n", m.Files[n], n)
	}
	return b.Bytes()
}

// ParseManifest reads MANIFEST.txt.
func ParseManifest(data []byte) (Manifest, error) {
	m := Manifest{Files: map[string]string{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	header := true
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if header {
			if line == 1 && t != "bangfu bundle" {
				return m, fmt.Errorf("%s:1: not a bangfu manifest", ManifestName)
			}
			if t == "" {
				header = false
				continue
			}
			k, v, _ := strings.Cut(t, ": ")
			switch k {
			case "semester":
				m.Semester = v
			case "college":
				m.College = v
			case "commit":
				if v != "(none)" {
					m.Commit = v
				}
			case "clean":
				m.Clean = v == "true"
			case "today":
				m.Today = v
			case "bangfu":
				m.Version = v
			}
			continue
		}
		sum, name, ok := strings.Cut(t, "  ")
		if !ok || len(sum) != 64 {
			return m, fmt.Errorf("%s:%d: not a file line", ManifestName, line)
		}
		m.Files[name] = sum
	}
	return m, sc.Err()
}

// Problem is one way a bundle differs from its manifest (or from a fresh build).
type Problem struct {
	Name string // the file, inside the bundle's folder
	What string // "changed", "missing", "extra"
}

// Verify checks a bundle against its own manifest: every listed file is there with
// its hash, and nothing else is. It returns the manifest and the problems found.
func Verify(r io.ReaderAt, size int64) (Manifest, []Problem, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return Manifest{}, nil, fmt.Errorf("not a zip file: %v", err)
	}
	var m Manifest
	found := false
	got := map[string]string{}
	for _, f := range zr.File {
		top, name, ok := strings.Cut(f.Name, "/")
		if !ok || strings.HasSuffix(f.Name, "/") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return m, nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return m, nil, fmt.Errorf("%s: %v", f.Name, err)
		}
		if name == ManifestName {
			m, err = ParseManifest(data)
			if err != nil {
				return m, nil, err
			}
			if top != Folder(m.Semester, m.College) {
				return m, nil, fmt.Errorf("the bundle's folder %s does not match its manifest", top)
			}
			found = true
			continue
		}
		sum := sha256.Sum256(data)
		got[name] = hex.EncodeToString(sum[:])
	}
	if !found {
		return m, nil, fmt.Errorf("no %s in the bundle", ManifestName)
	}
	return m, Compare(m.Files, got), nil
}

// Compare lists the differences between the hashes a manifest expects and those found.
func Compare(want, got map[string]string) []Problem {
	var ps []Problem
	for n, sum := range want {
		switch g, ok := got[n]; {
		case !ok:
			ps = append(ps, Problem{n, "missing"})
		case g != sum:
			ps = append(ps, Problem{n, "changed"})
		}
	}
	for n := range got {
		if _, ok := want[n]; !ok {
			ps = append(ps, Problem{n, "extra"})
		}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].Name < ps[j].Name })
	return ps
}

// HashFile is a file's SHA-256 (hex), or "" when it cannot be read.
func HashFile(p string) string {
	data, err := os.ReadFile(p)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
