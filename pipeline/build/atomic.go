package build

import (
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

// WriteAtomic writes data to path through a temporary file in the same folder, synced
// and renamed into place: a reader, or a build killed at any moment, sees the old
// complete file or the new complete one, never a part.
func WriteAtomic(path string, data []byte) error {
	return WriteAtomicFunc(path, func(w io.Writer) error { _, err := w.Write(data); return err })
}

// WriteAtomicFunc is WriteAtomic for content that is streamed.
func WriteAtomicFunc(path string, write func(io.Writer) error) error {
	return writeAtomic(path, write, true)
}

// writeAtomic writes through a temporary file renamed into place. With durable unset
// the data is not synced here: the build syncs the whole output once (syncOutput)
// before it records what it wrote, which is as safe and far cheaper than one fsync a file.
func writeAtomic(path string, write func(io.Writer) error, durable bool) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := createTemp(dir)
	if err != nil {
		return err
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if durable || !batchSync {
		if err := tmp.Sync(); err != nil {
			return err
		}
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(name, path); err != nil {
		return err
	}
	ok = true
	return nil
}

// createTemp opens a new .tmp-* file in dir with the final file's mode (0644 before
// umask), sparing a chmod per document.
func createTemp(dir string) (*os.File, error) {
	for i := 0; ; i++ {
		name := filepath.Join(dir, ".tmp-"+strconv.FormatUint(rand.Uint64(), 36))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil || !os.IsExist(err) || i > 100 {
			return f, err
		}
	}
}
