package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/gxu-fl/bangfu/pipeline/docx"
	"github.com/gxu-fl/bangfu/pipeline/forms"
	"github.com/gxu-fl/bangfu/pipeline/store"
	"github.com/gxu-fl/bangfu/templates"
)

func init() {
	register(&command{
		name:    "templates",
		usage:   "export 目录 | check",
		summary: "表格模板：export 写出内置的附件1-4 供在 Word/WPS 中修改；check 列出每个模板的标记并报告错误",
		example: "  bangfu templates export templates     # 改好后放在仓库的 templates/ 下即替换内置模板\n  bangfu templates check",
		bind: func(fs *flag.FlagSet) runFunc {
			return func(ctx context.Context, e *env, args []string) error {
				switch {
				case len(args) == 2 && args[0] == "export":
					return exportTemplates(e, args[1])
				case len(args) == 1 && args[0] == "check":
					return checkTemplates(e)
				}
				return usageError{msg: "templates export DIR | templates check"}
			}
		},
	})
}

// exportTemplates writes the built-in templates into dir, never over a file there.
func exportTemplates(e *env, dir string) error {
	for _, f := range forms.All {
		b, err := fs.ReadFile(templates.FS, f.Template)
		if err != nil {
			return err
		}
		err = store.WriteNew(dir, f.Template, b)
		switch {
		case err == nil:
			fmt.Fprintf(e.stdout, "  + %s\n", filepath.Join(dir, f.Template))
		case errors.Is(err, store.ErrExists):
			fmt.Fprintf(e.stdout, "  = %s（已存在，未改动）\n", filepath.Join(dir, f.Template))
		default:
			return err
		}
	}
	return nil
}

// checkTemplates lists the tags of each template in use and every bad one.
func checkTemplates(e *env) error {
	root, err := e.root()
	if err != nil {
		return err
	}
	tpls, err := loadTemplates(root)
	if err != nil {
		return err
	}
	bad := 0
	for _, f := range forms.All {
		where := "内置 built-in"
		if _, err := os.Stat(filepath.Join(root, "templates", f.Template)); err == nil {
			where = filepath.Join("templates", f.Template)
		}
		fmt.Fprintf(e.stdout, "%s %s (%s)\n", f.Key, f.Template, where)
		t, errs := docx.Parse(f.Template, tpls[f.Template], f.Schema)
		if t != nil {
			for _, u := range t.Tags() {
				in := ""
				if u.List != "" {
					in = fmt.Sprintf("  （{{#%s}} 行 row）", u.List)
				}
				fmt.Fprintf(e.stdout, "  paragraph %d: {{%s}}%s\n", u.Paragraph, u.Tag, in)
			}
		}
		for _, err := range errs {
			bad++
			fmt.Fprintf(e.stdout, "  ✗ %v\n", err)
		}
	}
	if bad > 0 {
		return findingsError{errors: bad}
	}
	return nil
}
