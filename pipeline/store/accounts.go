package store

import (
	"errors"
	"io/fs"
	"path/filepath"
	"reflect"

	"github.com/gxu-fl/bangfu/pipeline"
)

// AccountsFile keeps mentors' bank accounts out of git (PIPL art. 28: sensitive data):
// mentor id → account, read by the build when present.
const AccountsFile = "private/accounts.yaml"

// LoadAccounts reads private/accounts.yaml; a missing file is no accounts, not an error.
func LoadAccounts(root string) (map[pipeline.StudentID]pipeline.BankAccount, []pipeline.Finding) {
	data, err := readLimited(filepath.Join(root, filepath.FromSlash(AccountsFile)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, []pipeline.Finding{unreadable(AccountsFile, err)}
	}
	var m map[string]pipeline.BankAccount
	src := pipeline.Source{File: AccountsFile, Pos: map[string]pipeline.Pos{}}
	root0, lines, fs := parse(AccountsFile, data)
	if root0 == nil {
		return nil, fs
	}
	d := &decoder{src: &src, lines: lines}
	d.decode(root0, reflect.ValueOf(&m).Elem(), "")
	out := map[pipeline.StudentID]pipeline.BankAccount{}
	for k, v := range m {
		out[pipeline.StudentID(k)] = v
	}
	return out, d.findings
}
