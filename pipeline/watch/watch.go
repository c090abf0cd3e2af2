// Package watch decides when bangfu rebuilds while people edit: it watches records/,
// bangfu.yaml, templates/ and private/ with fsnotify, drops editor debris and output/,
// watches folders created after it started, and turns a storm of events (a git pull,
// a checkout) into one batch. What a batch does is the caller's.
package watch

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/gxu-fl/bangfu/pipeline/store"
)

// Options configure a watch.
type Options struct {
	Root string
	// Quiet is how long no relevant event must arrive before a batch fires (default 50 ms).
	Quiet time.Duration
	// MaxDelay bounds how long a storm can hold a batch back (default 1 s).
	MaxDelay time.Duration
	// OnBatch is called, one call at a time, with the changed paths (slash paths relative
	// to Root, sorted; "*" when events were lost and everything must be looked at again).
	OnBatch func(ctx context.Context, changed []string)
	// OnError hears of watch errors that do not stop the watch.
	OnError func(error)
	// Ready, when set, is closed once every folder is watched.
	Ready chan struct{}
}

// Run watches until ctx is done; it returns nil then, and an error only when the
// watch cannot be set up at all.
func Run(ctx context.Context, opt Options) error {
	if opt.Quiet <= 0 {
		opt.Quiet = 50 * time.Millisecond
	}
	if opt.MaxDelay <= 0 {
		opt.MaxDelay = time.Second
	}
	if opt.OnError == nil {
		opt.OnError = func(error) {}
	}
	w, err := fsnotify.NewBufferedWatcher(4096)
	if err != nil {
		return err
	}
	defer w.Close()
	wt := &watcher{w: w, root: opt.Root, opt: opt}
	if err := w.Add(opt.Root); err != nil {
		return err
	}
	for _, d := range []string{"records", "templates", "private"} {
		wt.addTree(filepath.Join(opt.Root, d))
	}
	if opt.Ready != nil {
		close(opt.Ready)
	}

	pending := map[string]bool{}
	var quiet, limit <-chan time.Time
	fire := func() {
		quiet, limit = nil, nil
		if len(pending) == 0 {
			return
		}
		changed := make([]string, 0, len(pending))
		for p := range pending {
			changed = append(changed, p)
		}
		sort.Strings(changed)
		clear(pending)
		wt.resync() // folders renamed or removed meanwhile
		opt.OnBatch(ctx, changed)
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			rel, relevant := wt.relevant(ev)
			if !relevant {
				continue
			}
			pending[rel] = true
			quiet = time.After(opt.Quiet)
			if limit == nil {
				limit = time.After(opt.MaxDelay)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: look at everything again.
				pending["*"] = true
				quiet = time.After(opt.Quiet)
				if limit == nil {
					limit = time.After(opt.MaxDelay)
				}
				continue
			}
			opt.OnError(err)
		case <-quiet:
			fire()
		case <-limit:
			fire()
		}
	}
}

type watcher struct {
	w    *fsnotify.Watcher
	root string
	opt  Options
}

// addTree watches dir and every folder below it (fsnotify is not recursive).
func (wt *watcher) addTree(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && store.IsDebris(d.Name()) {
			return filepath.SkipDir
		}
		if err := wt.w.Add(p); err != nil {
			wt.opt.OnError(err)
		}
		return nil
	})
}

// resync drops watches of folders that are gone and adds folders that appeared
// (a folder renamed while watched keeps its watch under the old name).
func (wt *watcher) resync() {
	for _, p := range wt.w.WatchList() {
		if fi, err := os.Stat(p); err != nil || !fi.IsDir() {
			wt.w.Remove(p)
		}
	}
	for _, d := range []string{"records", "templates", "private"} {
		wt.addTree(filepath.Join(wt.root, d))
	}
}

// relevant says whether an event can change what a build makes, and adds watches for
// new folders. Debris, output/ and .git/ are never relevant.
func (wt *watcher) relevant(ev fsnotify.Event) (string, bool) {
	rel, err := filepath.Rel(wt.root, ev.Name)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	top, _, _ := strings.Cut(rel, "/")
	switch top {
	case "records", "templates", "private", store.ConfigFile:
	default:
		return "", false // output/, .git/, anything else at the root
	}
	name := filepath.Base(ev.Name)
	if store.IsDebris(name) {
		return "", false
	}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
			// A new semester or kind folder: watch it, and whatever was already written into it.
			wt.addTree(ev.Name)
			return rel, true
		}
	}
	if ev.Op == fsnotify.Chmod {
		return "", false // permissions or times only
	}
	switch {
	case rel == store.ConfigFile:
		return rel, true
	case top == "records":
		// A record, or a folder that was removed or renamed (it has no extension).
		return rel, store.IsRecordFile(name) || filepath.Ext(name) == ""
	case top == "templates":
		return rel, strings.EqualFold(filepath.Ext(name), ".docx") || rel == "templates"
	case top == "private":
		return rel, rel == filepath.ToSlash(store.AccountsFile) || rel == "private"
	}
	return "", false
}
