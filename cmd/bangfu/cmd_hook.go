package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/gxu-fl/bangfu/pipeline/gitaudit"
	"github.com/gxu-fl/bangfu/pipeline/i18n"
	"github.com/gxu-fl/bangfu/pipeline/store"
)

func init() {
	register(&command{
		name:    "hook",
		usage:   "install | run",
		summary: "git 提交前检查：install 安装 pre-commit 钩子；提交时检查暂存的记录，有错误或明文银行卡号、身份证号就拒绝提交",
		example: "  bangfu hook install",
		bind: func(fs *flag.FlagSet) runFunc {
			return func(ctx context.Context, e *env, args []string) error {
				switch {
				case len(args) == 1 && args[0] == "install":
					return installHook(ctx, e)
				case len(args) == 1 && args[0] == "run":
					return runHook(ctx, e)
				}
				return usageError{msg: "hook install | hook run"}
			}
		},
	})
}

// hookMark identifies a pre-commit hook bangfu wrote (and may therefore replace).
const hookMark = "# bangfu pre-commit hook"

const hookScript = `#!/bin/sh
` + hookMark + ` — written by 'bangfu hook install'.
# Checks the staged records before each commit; 'git commit --no-verify' skips it.
exec bangfu hook run
`

func installHook(ctx context.Context, e *env) error {
	gitDir, err := gitaudit.GitDir(ctx, e.dir)
	if err != nil {
		return runError{pick(e.lang != i18n.EN, "这里不是 git 仓库：先 git init", "not a git repository: git init first")}
	}
	p := filepath.Join(gitDir, "hooks", "pre-commit")
	if old, err := os.ReadFile(p); err == nil && !bytes.Contains(old, []byte(hookMark)) {
		return runError{fmt.Sprintf("%s: %s", p, pick(e.lang != i18n.EN, "已有别的 pre-commit 钩子，未覆盖；请在其中加一行 bangfu hook run", "another pre-commit hook is there; not replaced: add a line 'bangfu hook run' to it"))}
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(p, []byte(hookScript), 0o755); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, p)
	return nil
}

// runHook checks the commit being made: the staged records must validate, and no line
// it adds under records/ may hold a plain bank card or resident ID number.
func runHook(ctx context.Context, e *env) error {
	top, err := gitaudit.Top(ctx, e.dir)
	if err != nil {
		return runError{"not a git repository"}
	}
	zh := e.lang != i18n.EN
	tmp, err := os.MkdirTemp("", "bangfu-hook-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := gitaudit.ExportIndex(ctx, top, tmp); err != nil {
		return err
	}
	bad := 0
	if _, err := os.Stat(filepath.Join(tmp, store.ConfigFile)); err == nil {
		sub := *e
		sub.dir = tmp
		_, _, findings, err := sub.load(ctx)
		if err != nil {
			return err
		}
		for _, f := range findings {
			if f.Severity == pipeline.Error {
				bad++
				fmt.Fprintln(e.stderr, i18n.Finding(e.lang, f))
			}
		}
	}
	added, err := gitaudit.StagedAdditions(ctx, top, "records/", store.ConfigFile)
	if err != nil {
		return err
	}
	for _, a := range added {
		kind, found := pipeline.SensitiveNumber(a.Text)
		if !found {
			continue
		}
		bad++
		what := map[string]string{"bank": "银行卡号", "id": "身份证号"}[kind]
		if zh {
			fmt.Fprintf(e.stderr, "%s:%d: 这一行有明文%s：敏感个人信息不进 git 历史。银行账号请写在 private/accounts.yaml（帮扶人学号: 账号，该文件不提交），身份证号不要写进记录\n", a.File, a.Line, what)
		} else {
			fmt.Fprintf(e.stderr, "%s:%d: a plain %s number: sensitive data stays out of git history; bank accounts go in private/accounts.yaml (mentor id: account; never committed), ID numbers nowhere in the records\n", a.File, a.Line, map[string]string{"bank": "bank card", "id": "resident ID"}[kind])
		}
	}
	if bad > 0 {
		fmt.Fprintln(e.stderr, pick(zh, "提交已拒绝：请改正上面的问题后再提交。", "commit refused: fix the above and commit again."))
		return findingsError{errors: bad}
	}
	return nil
}
