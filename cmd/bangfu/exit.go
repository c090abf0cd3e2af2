package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/gxu-fl/bangfu/pipeline/i18n"
)

// The exit codes, decided here and only here.
const (
	exitOK       = 0
	exitFindings = 1 // the records have errors (or to-dos under --strict)
	exitCannot   = 2 // bad usage, or bangfu could not run (no bangfu.yaml, I/O)
)

// findingsError says the command ran but the records are not right; it was already reported.
type findingsError struct{ errors, todos int }

func (e findingsError) Error() string { return fmt.Sprintf("%d errors, %d to-dos", e.errors, e.todos) }

// usageError is a command line bangfu does not understand: msg in English, zh (when
// set) the same in Chinese; Run adds the command and the reader's language.
type usageError struct {
	msg, zh string
	cmd     *command
	lang    i18n.Lang
}

func (e usageError) Error() string { return e.msg }

// badSemester is the usage error for a semester written another way.
func badSemester(s string) usageError {
	return usageError{msg: fmt.Sprintf("%q is not a semester such as 2025-2026-1", s),
		zh: fmt.Sprintf("“%s”不是学期：学期写成 学年-学期，如 2025-2026-1", s)}
}

// text is the usage error as its reader reads it: in Chinese, with the command's usage
// line and where to find its examples.
func (e usageError) text() string {
	if e.lang == i18n.EN {
		if e.cmd != nil {
			return fmt.Sprintf("%s (usage: bangfu %s %s; bangfu help %s)", e.msg, e.cmd.name, e.cmd.usage, e.cmd.name)
		}
		return e.msg + " (bangfu help)"
	}
	msg := e.zh
	if msg == "" {
		msg = "参数不对：" + e.msg
	}
	if e.cmd != nil {
		return fmt.Sprintf("%s\n用法：bangfu %s %s\n说明和示例：bangfu help %s", msg, e.cmd.name, e.cmd.usage, e.cmd.name)
	}
	return msg + "（命令列表：bangfu help）"
}

// runError is a reason the command could not run, already in the reader's language.
type runError struct{ msg string }

func (e runError) Error() string { return e.msg }

// exitCode maps an error from Run to the process's exit status, printing what was not yet printed.
func exitCode(err error, stderr io.Writer) int {
	var fe findingsError
	var ue usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &fe):
		return exitFindings
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "bangfu: %s\n", ue.text())
		return exitCannot
	default:
		fmt.Fprintf(stderr, "bangfu: %v\n", err)
		return exitCannot
	}
}
