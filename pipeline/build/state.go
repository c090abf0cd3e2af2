package build

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
)

// StateFile is where a build remembers what it wrote, under output/.
const StateFile = ".bangfu/state.json"

// state maps each output (slash path relative to output/) to the hash of the inputs
// it was made from and the record it was made for.
type state struct {
	Outputs map[string]entry `json:"outputs"`
}

type entry struct {
	Hash   string `json:"hash"`
	Source string `json:"source"` // the record file, or "" for a semester-wide output
}

func loadState(out string) state {
	s := state{Outputs: map[string]entry{}}
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(StateFile)))
	if err != nil {
		return s
	}
	if json.Unmarshal(b, &s) != nil || s.Outputs == nil {
		return state{Outputs: map[string]entry{}} // a damaged state only costs a full build
	}
	return s
}

func (s state) save(out string) error {
	keys := make([]string, 0, len(s.Outputs))
	for k := range s.Outputs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	b, err := json.MarshalIndent(s, "", " ")
	if err != nil {
		return err
	}
	p := filepath.Join(out, filepath.FromSlash(StateFile))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return WriteAtomic(p, b)
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
