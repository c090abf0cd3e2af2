package build

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// StateFile is where a build remembers what it wrote, under output/.
const StateFile = ".bangfu/state"

// state maps each output (slash path relative to output/) to the hash of the inputs
// it was made from and the record it was made for.
type state struct {
	Outputs map[string]entry
}

type entry struct {
	Hash   string
	Source string // the record file, or "" for a semester-wide output
}

// The state file holds one output a line, sorted: hash, source and path separated by
// tabs (no field holds a tab or a newline). It is read and written on every build
// under bangfu watch, so it is plain rather than JSON.

func loadState(out string) state {
	s := state{Outputs: map[string]entry{}}
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(StateFile)))
	if err != nil {
		return s
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		f := strings.SplitN(sc.Text(), "\t", 3)
		if len(f) != 3 || len(f[0]) != 64 {
			return state{Outputs: map[string]entry{}} // damaged: it only costs a full build
		}
		s.Outputs[f[2]] = entry{Hash: f[0], Source: f[1]}
	}
	return s
}

func (s state) save(out string) error {
	keys := make([]string, 0, len(s.Outputs))
	for k := range s.Outputs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b bytes.Buffer
	for _, k := range keys {
		e := s.Outputs[k]
		if e.Hash == "" {
			continue // not known to be written: the next build makes it
		}
		b.WriteString(e.Hash)
		b.WriteByte('\t')
		b.WriteString(e.Source)
		b.WriteByte('\t')
		b.WriteString(k)
		b.WriteByte('\n')
	}
	p := filepath.Join(out, filepath.FromSlash(StateFile))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return WriteAtomic(p, b.Bytes())
}

func (s state) equal(o state) bool {
	if len(s.Outputs) != len(o.Outputs) {
		return false
	}
	for k, v := range s.Outputs {
		if o.Outputs[k] != v {
			return false
		}
	}
	return true
}
