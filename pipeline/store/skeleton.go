package store

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
)

//go:embed skeleton
var skeleton embed.FS

// SkeletonFile is one file bangfu init writes into a new records repository.
type SkeletonFile struct {
	Path string // relative to the new repository's root
	Data []byte
}

// Skeleton lists the files of a new records repository, schemas given by the caller
// (they are generated from the domain types, which store does not describe). The CI
// files install bangfu from module at version (pinned; "latest" for a development build).
func Skeleton(schemas []SkeletonFile, module, version string) []SkeletonFile {
	read := func(name string) []byte {
		b, err := skeleton.ReadFile("skeleton/" + name)
		if err != nil {
			panic(err) // embedded at build time
		}
		return b
	}
	files := []SkeletonFile{
		{ConfigFile, read("bangfu.yaml")},
		{".gitignore", read("gitignore")},
		{"records/.gitkeep", nil},
		{"templates/.gitkeep", nil},
		{"docs/使用指南.md", read("guide.md")},
		{"docs/images/附件3_谈话记录表.png", read("images/附件3_谈话记录表.png")},
		{"docs/images/帮扶进度.png", read("images/帮扶进度.png")},
		{".vscode/settings.json", read("vscode-settings.json")},
		{".vscode/extensions.json", read("vscode-extensions.json")},
		{".gitlab-ci.yml", ci(read("gitlab-ci.yml"), module, version)},
		{".github/workflows/bangfu.yml", ci(read("github-workflow.yml"), module, version)},
	}
	return append(files, schemas...)
}

// Init writes the skeleton into dir, never replacing a file that is there already.
// It returns the files written and those left as they were.
func Init(dir string, files []SkeletonFile) (written, kept []string, err error) {
	for _, f := range files {
		switch err := WriteNew(dir, f.Path, f.Data); {
		case err == nil:
			written = append(written, f.Path)
		case errors.Is(err, ErrExists):
			kept = append(kept, f.Path)
		default:
			return written, kept, fmt.Errorf("%s: %w", f.Path, err)
		}
	}
	return written, kept, nil
}

func ci(text []byte, module, version string) []byte {
	return bytes.ReplaceAll(bytes.ReplaceAll(text, []byte("{{MODULE}}"), []byte(module)), []byte("{{VERSION}}"), []byte(version))
}
