package main

import (
	"context"
	"flag"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/gxu-fl/bangfu/pipeline/store"
)

func init() {
	register(&command{
		name:    "init",
		usage:   "目录",
		summary: "新建一个记录仓库：bangfu.yaml 示例名册、records/、.gitignore、JSON Schema、VS Code 设置和中文指南",
		example: "  bangfu init 学业帮扶记录\n  cd 学业帮扶记录 && git init && bangfu validate",
		bind: func(fs *flag.FlagSet) runFunc {
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) != 1 {
					return usageError{msg: "init takes one folder: bangfu init DIR"}
				}
				written, kept, err := store.Init(args[0], store.Skeleton(schemaFiles(), modulePath(), pinnedVersion()))
				for _, p := range written {
					fmt.Fprintf(e.stdout, "  + %s\n", p)
				}
				for _, p := range kept {
					fmt.Fprintf(e.stdout, "  = %s（已存在，未改动）\n", p)
				}
				return err
			}
		},
	})
}

// modulePath is where bangfu is installed from (go install MODULE/cmd/bangfu@VERSION).
func modulePath() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Path != "" {
		return bi.Main.Path
	}
	return "github.com/gxu-fl/bangfu"
}

// pinnedVersion is the version a new repository's CI installs: this bangfu's own
// release, or "latest" from a development build (pin it to a release).
func pinnedVersion() string {
	v, _ := versionInfo()
	if strings.HasPrefix(v, "v") && !strings.Contains(v, "dirty") && !strings.Contains(v, "-0.") {
		return v
	}
	return "latest"
}
