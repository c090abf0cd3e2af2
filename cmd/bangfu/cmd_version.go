package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/gxu-fl/bangfu/pipeline/build"
)

// version and commit are set by make release (-ldflags -X); otherwise they come from
// the build information Go records (go install …@v1.2.3 gives v1.2.3).
var (
	version = ""
	commit  = ""
)

func init() {
	register(&command{
		name:    "version",
		summary: "显示 bangfu 的版本和提交",
		bind: func(fs *flag.FlagSet) runFunc {
			return func(ctx context.Context, e *env, args []string) error {
				v, c := versionInfo()
				fmt.Fprintf(e.stdout, "bangfu %s (commit %s, %s, %s/%s)\n", v, c, runtime.Version(), runtime.GOOS, runtime.GOARCH)
				return nil
			}
		},
	})
	v, _ := versionInfo()
	build.Version = v // part of every output's hash: a new bangfu re-renders
}

func versionInfo() (string, string) {
	v, c := version, commit
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && c == "" {
				c = s.Value
			}
		}
	}
	if v == "" {
		v = "dev"
	}
	if c == "" {
		c = "unknown"
	}
	if len(c) > 12 {
		c = c[:12]
	}
	return v, c
}
