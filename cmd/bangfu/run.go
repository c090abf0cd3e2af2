package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/gxu-fl/bangfu/pipeline/gitaudit"
	"github.com/gxu-fl/bangfu/pipeline/i18n"
	"github.com/gxu-fl/bangfu/pipeline/store"
)

// command is one subcommand: bind declares its flags on a fresh FlagSet and returns
// the call that does the work, so no flag value outlives one Run.
type command struct {
	name    string
	usage   string // arguments after the name
	summary string // one line, Chinese (the help is for staff)
	example string
	bind    func(fs *flag.FlagSet) runFunc
}

type runFunc func(ctx context.Context, e *env, args []string) error

var commands []*command

func register(c *command) { commands = append(commands, c) }

// env is what every command shares: where it runs, its streams, language and clock.
type env struct {
	dir    string
	lang   i18n.Lang
	today  string // --today, as given
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	flags  *flag.FlagSet
}

// Run is bangfu with its arguments; main only maps the error it returns to an exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := &env{dir: ".", stdin: stdin, stdout: stdout, stderr: stderr, lang: i18n.ZH}
	if l, ok := i18n.ParseLang(os.Getenv("BANGFU_LANG")); ok {
		e.lang = l
	}
	// Global flags may stand before the command: bangfu -C DIR --lang en validate.
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		n, err := e.globalFlag(args)
		if err != nil {
			return err
		}
		if n == 0 {
			break
		}
		args = args[n:]
	}
	if len(args) == 0 {
		printUsage(stdout)
		return usageError{msg: "missing command", zh: "缺少命令", lang: e.lang}
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" {
		if len(args) > 1 {
			if c := lookup(args[1]); c != nil {
				printCommandHelp(stdout, c)
				return nil
			}
		}
		printUsage(stdout)
		return nil
	}
	c := lookup(name)
	if c == nil {
		printUsage(stderr)
		return usageError{msg: fmt.Sprintf("unknown command %q", name), zh: fmt.Sprintf("没有“%s”这个命令", name), lang: e.lang}
	}
	fs := flag.NewFlagSet("bangfu "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&e.dir, "C", e.dir, "run as if started in `DIR`")
	langFlag := fs.String("lang", string(e.lang), "message language: zh or en")
	fs.StringVar(&e.today, "today", "", "the date to judge deadlines by (YYYY-MM-DD)")
	run := c.bind(fs)
	e.flags = fs
	rest, err := parseInterspersed(fs, args[1:])
	if errors.Is(err, flag.ErrHelp) {
		printCommandHelp(stdout, c)
		return nil
	}
	if err != nil {
		// Parsing stopped before --lang may have been read: look for it by hand.
		for i, a := range args {
			if v, ok := strings.CutPrefix(a, "--lang="); ok {
				e.lang, _ = i18n.ParseLang(v)
			} else if (a == "--lang" || a == "-lang") && i+1 < len(args) {
				e.lang, _ = i18n.ParseLang(args[i+1])
			}
		}
		return usageError{msg: err.Error(), cmd: c, lang: e.lang}
	}
	l, ok := i18n.ParseLang(*langFlag)
	if !ok {
		return usageError{msg: fmt.Sprintf("--lang: %q is not zh or en", *langFlag)}
	}
	e.lang = l
	err = run(ctx, e, rest)
	var ue usageError
	if errors.As(err, &ue) {
		ue.cmd, ue.lang = c, e.lang
		return ue
	}
	return err
}

// globalFlag consumes one global flag at the front of args and says how many words it took.
func (e *env) globalFlag(args []string) (int, error) {
	a := args[0]
	key, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
	switch key {
	case "C", "lang":
	default:
		return 0, nil
	}
	n := 1
	if !hasVal {
		if len(args) < 2 {
			return 0, usageError{msg: "flag needs an argument: " + a, zh: a + " 后面缺少值"}
		}
		val, n = args[1], 2
	}
	if key == "C" {
		e.dir = val
	} else {
		l, ok := i18n.ParseLang(val)
		if !ok {
			return 0, usageError{msg: fmt.Sprintf("--lang: %q is not zh or en", val)}
		}
		e.lang = l
	}
	return n, nil
}

// parseInterspersed parses flags wherever they stand among the arguments, as people type them.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "bangfu — 学业警示及帮扶 records as code")
	fmt.Fprintln(w, "\n用法 usage: bangfu [-C 目录] [--lang zh|en] 命令 [参数]")
	fmt.Fprintln(w, "\n命令 commands:")
	cs := append([]*command(nil), commands...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\n每个命令的说明和示例：bangfu help 命令")
}

func printCommandHelp(w io.Writer, c *command) {
	fmt.Fprintf(w, "bangfu %s %s\n\n%s\n", c.name, c.usage, c.summary)
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.String("C", ".", "run as if started in `DIR`")
	fs.String("lang", "zh", "message language: zh or en")
	fs.String("today", "", "the date to judge deadlines by (YYYY-MM-DD)")
	c.bind(fs)
	fmt.Fprintln(w, "\n选项 options:")
	fs.SetOutput(w)
	fs.PrintDefaults()
	if c.example != "" {
		fmt.Fprintf(w, "\n示例 examples:\n%s\n", c.example)
	}
}

// root finds the records repository from -C or the working folder.
func (e *env) root() (string, error) {
	r, err := store.FindRoot(e.dir)
	if errors.Is(err, store.ErrNoConfig) {
		return "", runError{i18n.T(e.lang, pipeline.CodeNoConfig)}
	}
	return r, err
}

// load reads the repository and applies the seed's rules on the day judged "today".
func (e *env) load(ctx context.Context) (root string, repo *pipeline.Repo, findings []pipeline.Finding, err error) {
	root, err = e.root()
	if err != nil {
		return "", nil, nil, err
	}
	repo, findings, _, err = newProject(e, root).load(ctx, nil)
	return root, repo, findings, err
}

// todayIn is --today when given; else, in a clean git tree, the HEAD commit's date
// (so a commit always renders the same bytes); else the current date.
func (e *env) todayIn(ctx context.Context, root string) (pipeline.Date, error) {
	if e.today != "" {
		d, err := pipeline.ParseDate(e.today)
		if err != nil {
			return d, usageError{msg: fmt.Sprintf("--today: %q is not YYYY-MM-DD", e.today), zh: fmt.Sprintf("--today “%s”的写法不对，应写成 YYYY-MM-DD", e.today)}
		}
		return d, nil
	}
	if h, err := gitaudit.HeadOf(ctx, root); err == nil && h.Clean {
		return pipeline.DateOf(h.Time), nil
	}
	return pipeline.DateOf(time.Now()), nil
}

// pick is the Chinese text when zh, else the English: for the few sentences a command
// says itself (findings and their summaries are i18n's).
func pick(zh bool, chinese, english string) string {
	if zh {
		return chinese
	}
	return english
}
