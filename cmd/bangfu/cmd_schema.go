package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gxu-fl/bangfu/pipeline/build"
	"github.com/gxu-fl/bangfu/pipeline/schema"
	"github.com/gxu-fl/bangfu/pipeline/store"
)

func init() {
	register(&command{
		name:    "schema",
		usage:   "[目录]",
		summary: "写出 JSON Schema（供 VS Code 的 YAML 插件提示和检查），默认写到仓库的 schema/",
		example: "  bangfu schema\n  bangfu schema 另一个目录",
		bind: func(fs *flag.FlagSet) runFunc {
			return func(ctx context.Context, e *env, args []string) error {
				dir := ""
				switch len(args) {
				case 0:
					root, err := e.root()
					if err != nil {
						return err
					}
					dir = filepath.Join(root, "schema")
				case 1:
					dir = args[0]
				default:
					return usageError{msg: "schema takes at most one folder"}
				}
				return writeSchemas(e, dir)
			}
		},
	})
}

// schemaFiles are the generated schemas as files of a repository.
func schemaFiles() []store.SkeletonFile {
	var out []store.SkeletonFile
	for _, f := range schema.Files {
		out = append(out, store.SkeletonFile{Path: "schema/" + f.Name, Data: schema.Generate(f)})
	}
	return out
}

// writeSchemas (re)writes the schemas: they are generated, never edited, so replacing them is safe.
func writeSchemas(e *env, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range schema.Files {
		p := filepath.Join(dir, f.Name)
		if err := build.WriteAtomic(p, schema.Generate(f)); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, p)
	}
	return nil
}
