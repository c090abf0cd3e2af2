// Package store reads a records repository into the domain: it finds the root,
// walks records/, guards against what people and editors leave behind, and
// decodes each file through yaml.Node so every value keeps its line and column.
package store

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/gxu-fl/bangfu/pipeline"
)

// ConfigFile is the file that marks the root of a records repository.
const ConfigFile = "bangfu.yaml"

// ErrNoConfig is returned when no bangfu.yaml is found from the starting folder upward.
var ErrNoConfig = errors.New("no " + ConfigFile)

// FindRoot walks up from dir to the folder that holds bangfu.yaml, as git finds .git.
func FindRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		if fi, err := os.Stat(filepath.Join(dir, ConfigFile)); err == nil && fi.Mode().IsRegular() {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", ErrNoConfig
		}
		dir = parent
	}
}

// Kind is what a records file holds, from where it stands.
type Kind int

const (
	KindCase Kind = iota
	KindMeeting
	KindSurvey
)

var kindFolders = map[string]Kind{"students": KindCase, "meetings": KindMeeting, "surveys": KindSurvey}

// IsDebris reports files editors and systems leave beside real ones: swap files,
// backups, lock files, hidden files. They are never read and never trigger a build.
func IsDebris(name string) bool {
	switch {
	case strings.HasPrefix(name, "."), strings.HasPrefix(name, "~"),
		strings.HasSuffix(name, "~"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		name == "4913": // vim's write probe
		return true
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".swp", ".swo", ".swx", ".tmp", ".bak", ".orig", ".crswap":
		return true
	}
	return false
}

// IsRecordFile reports a file name bangfu reads: .yaml or .yml, not debris.
func IsRecordFile(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return (ext == ".yaml" || ext == ".yml") && !IsDebris(name)
}

// File is one records file found under records/.
type File struct {
	Path     string // slash-separated, relative to the root
	Kind     Kind
	Semester pipeline.Semester
}

// Walk lists the records files under root/records in a fixed order, with findings for
// files and folders that stand where nothing is read (a case outside students/, say).
func Walk(root string) ([]File, []pipeline.Finding) {
	var files []File
	var findings []pipeline.Finding
	misplaced := func(p string, code pipeline.Code) {
		findings = append(findings, pipeline.Finding{Pos: pipeline.Pos{File: p, Line: 1, Col: 1}, Severity: pipeline.Error, Code: code})
	}
	top, err := os.ReadDir(filepath.Join(root, "records"))
	if err != nil {
		return nil, nil // no records/ yet: an empty repository
	}
	for _, se := range top {
		name := se.Name()
		p := "records/" + name
		if !se.IsDir() {
			if IsRecordFile(name) {
				misplaced(p, pipeline.CodeMisplacedFile)
			}
			continue
		}
		if IsDebris(name) {
			continue
		}
		sem, err := pipeline.ParseSemester(name)
		if err != nil {
			misplaced(p, pipeline.CodeBadFolder)
			continue
		}
		subs, _ := os.ReadDir(filepath.Join(root, "records", name))
		for _, ke := range subs {
			kp := p + "/" + ke.Name()
			kind, ok := kindFolders[ke.Name()]
			if !ke.IsDir() || !ok {
				if (ke.IsDir() && !IsDebris(ke.Name())) || IsRecordFile(ke.Name()) {
					misplaced(kp, pipeline.CodeMisplacedFile)
				}
				continue
			}
			entries, _ := os.ReadDir(filepath.Join(root, filepath.FromSlash(kp)))
			for _, fe := range entries {
				if fe.IsDir() || !IsRecordFile(fe.Name()) {
					if fe.IsDir() && !IsDebris(fe.Name()) {
						misplaced(kp+"/"+fe.Name(), pipeline.CodeMisplacedFile)
					}
					continue
				}
				files = append(files, File{Path: kp + "/" + fe.Name(), Kind: kind, Semester: sem})
			}
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, findings
}

// Load reads the whole repository at root: bangfu.yaml and every record. Findings are
// the loader's (syntax, types, lists); pipeline.Check adds the rules. The error is for
// a repository that cannot be read at all (no bangfu.yaml).
func Load(root string) (*pipeline.Repo, []pipeline.Finding, error) {
	repo, findings, _, err := NewCache(root).Load()
	return repo, findings, err
}

type loaded struct {
	Record   any
	Findings []pipeline.Finding
}

// loadBytes decodes one records file's bytes into its record. A file that cannot be
// parsed at all gives no record; one with bad fields gives a record marked Failed,
// for the rules to skip.
func loadBytes(f File, data []byte) loaded {
	name := strings.TrimSuffix(path.Base(f.Path), path.Ext(f.Path))
	src := pipeline.Source{File: f.Path, Folder: f.Semester, Name: name}
	switch f.Kind {
	case KindCase:
		c := &pipeline.Case{}
		fs := Decode(f.Path, data, c, &src)
		c.Source = src
		return record(c, src, fs)
	case KindMeeting:
		m := &pipeline.Meeting{}
		src.Name = ""
		fs := Decode(f.Path, data, m, &src)
		m.Source = src
		return record(m, src, fs)
	default:
		s := &pipeline.Survey{}
		fs := Decode(f.Path, data, s, &src)
		s.Source = src
		return record(s, src, fs)
	}
}

func record(v any, src pipeline.Source, fs []pipeline.Finding) loaded {
	if len(src.Pos) == 0 && src.Failed {
		return loaded{Findings: fs} // nothing could be read
	}
	return loaded{Record: v, Findings: fs}
}

// Decode reads one document into v (a pointer to a record), filling src with positions.
func Decode(file string, data []byte, v any, src *pipeline.Source) []pipeline.Finding {
	src.File = file
	src.Pos = map[string]pipeline.Pos{}
	sum := sha256.Sum256(data)
	src.Hash = hex.EncodeToString(sum[:])
	root, lines, fs := parse(file, data)
	if root == nil {
		src.Failed = true
		return fs
	}
	d := &decoder{src: src, lines: lines}
	d.decode(root, reflect.ValueOf(v).Elem(), "")
	return d.findings
}

func unreadable(p string, err error) pipeline.Finding {
	code, args := pipeline.CodeUnreadable, []any{err.Error()}
	var tl *tooLarge
	if errors.As(err, &tl) {
		code, args = pipeline.CodeTooLarge, []any{tl.size / 1024, MaxFileSize / 1024}
	}
	return pipeline.Finding{Pos: pipeline.Pos{File: p, Line: 1, Col: 1}, Severity: pipeline.Error, Code: code, Args: args}
}

type tooLarge struct{ size int64 }

func (t *tooLarge) Error() string { return "file too large" }

// readLimited reads a file of at most MaxFileSize without reading a larger one whole.
func readLimited(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > MaxFileSize {
		return nil, &tooLarge{fi.Size()}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, &tooLarge{int64(len(data))}
	}
	return data, nil
}
