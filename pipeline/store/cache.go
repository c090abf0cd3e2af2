package store

import (
	"crypto/sha256"
	"errors"
	"io/fs"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/gxu-fl/bangfu/pipeline"
)

// Cache loads a repository again and again (bangfu watch) re-parsing only the files
// whose bytes changed: every file is read and hashed, which is cheap; parsing is not.
type Cache struct {
	Root  string
	files map[string]cached // by path relative to the root
	cfg   cached
}

type cached struct {
	sum    [32]byte
	result loaded
	cfg    *pipeline.Config
}

// NewCache is a cache of the repository at root.
func NewCache(root string) *Cache { return &Cache{Root: root, files: map[string]cached{}} }

// Load is store.Load through the cache. It also says how many files it parsed anew.
func (c *Cache) Load() (*pipeline.Repo, []pipeline.Finding, int, error) {
	return c.load(nil)
}

// LoadChanged is Load when the caller knows which files may have changed (slash
// paths relative to the root, as bangfu watch hears of them): only those, and files
// not seen before, are read; the rest are taken from the cache as they were.
func (c *Cache) LoadChanged(changed []string) (*pipeline.Repo, []pipeline.Finding, int, error) {
	if len(c.files) == 0 {
		return c.load(nil)
	}
	set := map[string]bool{}
	for _, p := range changed {
		if p == "*" || p == ConfigFile {
			return c.load(nil)
		}
		set[p] = true
	}
	return c.load(set)
}

func (c *Cache) load(onlyThese map[string]bool) (*pipeline.Repo, []pipeline.Finding, int, error) {
	parsed := 0
	data, err := readLimited(filepath.Join(c.Root, ConfigFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, 0, ErrNoConfig
	}
	var findings []pipeline.Finding
	var cfg *pipeline.Config
	if err != nil {
		cfg = &pipeline.Config{}
		findings = append(findings, unreadable(ConfigFile, err))
		c.cfg = cached{}
	} else {
		sum := sha256.Sum256(data)
		if c.cfg.cfg == nil || c.cfg.sum != sum {
			cfg = &pipeline.Config{}
			fs := Decode(ConfigFile, data, cfg, &cfg.Source)
			c.cfg = cached{sum: sum, cfg: cfg, result: loaded{Findings: fs}}
			parsed++
		}
		cfg = c.cfg.cfg
		findings = append(findings, c.cfg.result.Findings...)
	}
	files, walkFindings := Walk(c.Root)
	findings = append(findings, walkFindings...)

	results := make([]loaded, len(files))
	next := make(map[string]cached, len(files))
	var mu sync.Mutex
	var wg sync.WaitGroup
	jobs := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				f := files[i]
				if onlyThese != nil && !onlyThese[f.Path] {
					mu.Lock()
					old, ok := c.files[f.Path]
					mu.Unlock()
					if ok {
						results[i] = old.result
						mu.Lock()
						next[f.Path] = old
						mu.Unlock()
						continue
					}
				}
				data, err := readLimited(filepath.Join(c.Root, filepath.FromSlash(f.Path)))
				if err != nil {
					results[i] = loaded{Findings: []pipeline.Finding{unreadable(f.Path, err)}}
					continue
				}
				sum := sha256.Sum256(data)
				mu.Lock()
				old, ok := c.files[f.Path]
				mu.Unlock()
				if !ok || old.sum != sum {
					old = cached{sum: sum, result: loadBytes(f, data)}
					mu.Lock()
					parsed++
					mu.Unlock()
				}
				results[i] = old.result
				mu.Lock()
				next[f.Path] = old
				mu.Unlock()
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	c.files = next
	repo := &pipeline.Repo{Config: cfg}
	for _, r := range results {
		findings = append(findings, r.Findings...)
		switch v := r.Record.(type) {
		case *pipeline.Case:
			repo.Cases = append(repo.Cases, v)
		case *pipeline.Meeting:
			repo.Meetings = append(repo.Meetings, v)
		case *pipeline.Survey:
			repo.Surveys = append(repo.Surveys, v)
		}
	}
	return repo, findings, parsed, nil
}
