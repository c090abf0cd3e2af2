package main

import (
	"context"
	"flag"
	"fmt"

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
					return usageError{"init takes one folder: bangfu init DIR"}
				}
				written, kept, err := store.Init(args[0], store.Skeleton(schemaFiles()))
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
