package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
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

// usageError is a command line bangfu does not understand.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

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
		fmt.Fprintf(stderr, "bangfu: %s (bangfu help)\n", ue.msg)
		return exitCannot
	default:
		fmt.Fprintf(stderr, "bangfu: %v\n", err)
		return exitCannot
	}
}
