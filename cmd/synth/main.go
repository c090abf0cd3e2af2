// Command synth writes a fictional records repository of N cases (the same bytes for
// the same N), for benchmarks and for trying bangfu at scale: go run ./cmd/synth -n 5000 DIR
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/gxu-fl/bangfu/pipeline/synth"
)

func main() {
	n := flag.Int("n", 5000, "number of cases")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: synth [-n N] DIR")
		os.Exit(2)
	}
	if err := synth.Write(flag.Arg(0), *n); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}
