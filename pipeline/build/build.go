// Package build is bangfu's pipeline: validated records → documents → output/.
// It plans every output with a hash of all its inputs, renders in parallel only what
// changed, writes atomically, keeps the last good documents of a record that now has
// errors, and removes the documents of records that are gone.
package build

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/gxu-fl/bangfu/pipeline/docx"
	"github.com/gxu-fl/bangfu/pipeline/forms"
)

// Version is bangfu's version, part of every output's hash: a new bangfu re-renders.
var Version = "dev"

// formatRevision changes when what a form shows changes without a new version.
const formatRevision = "2"

// Output is one file a build may write: a document of a record, or a semester's workbook.
type Output struct {
	Path   string // slash-separated, relative to the output folder
	Source string // the record file it is made from; "" for a semester-wide output
	Hash   string // of every input; equal hashes mean equal bytes
	Write  func(w io.Writer) error

	// For a form document: its template and values (the floor benchmark renders ahead).
	tpl    *docx.Template
	values func() docx.Values
}

// Options are a build's inputs besides the repository.
type Options struct {
	Out       string                     // the output folder
	Semesters map[pipeline.Semester]bool // empty: every semester
	Templates map[string][]byte          // template file name → .docx bytes (built-in or the repository's own)
	Accounts  map[pipeline.StudentID]pipeline.BankAccount
	Workers   int // 0: one per core
	// Workbooks, when set, adds each semester's summary workbook, its to-dos judged on Today.
	Workbooks *Workbooks
	Today     pipeline.Date
	// Progress, when set, is told as each planned output is done.
	Progress func(done, total int)
}

// Report says what a build did, for the summary line and --json.
type Report struct {
	Built     []string `json:"built"`
	Unchanged int      `json:"unchanged"`
	Removed   []string `json:"removed"`
	// Kept are outputs of records that now have errors: the last good ones stay.
	Kept []string `json:"kept"`
	// Skipped are the record files not built because they have errors.
	Skipped        []string `json:"skipped"`
	TemplateErrors []string `json:"template_errors,omitempty"`
	// Outputs are every output the records now give (built or unchanged), not the
	// kept documents of records with errors: what a term's bundle holds.
	Outputs  []string      `json:"-"`
	Duration time.Duration `json:"duration_ns"`
}

// Build renders the repository's forms (and PerSemester outputs) into opt.Out.
func Build(ctx context.Context, repo *pipeline.Repo, findings []pipeline.Finding, opt Options) (*Report, error) {
	start := time.Now()
	rep := &Report{}
	bad := map[string]bool{}
	for _, f := range findings {
		if f.Severity == pipeline.Error {
			bad[f.Pos.File] = true
		}
	}
	if bad[pipeline.ConfigFileName] {
		return nil, errors.New("bangfu.yaml has errors: nothing is built until it reads right")
	}
	inScope := func(s pipeline.Semester) bool { return len(opt.Semesters) == 0 || opt.Semesters[s] }

	tpls, terrs := compileTemplates(opt.Templates)
	rep.TemplateErrors = terrs

	// The repository as the build sees it: only records without errors.
	valid := &pipeline.Repo{Config: repo.Config}
	for _, c := range repo.Cases {
		if bad[c.Source.File] || c.Source.Failed {
			rep.Skipped = append(rep.Skipped, c.Source.File)
			continue
		}
		valid.Cases = append(valid.Cases, c)
	}
	// A meeting's 附件1 lists its students' cases: while one of them has errors the
	// meeting's document is held as it was, like the case's own.
	cases := map[pipeline.Semester]map[pipeline.StudentID]*pipeline.Case{}
	for _, m := range repo.Meetings {
		if cases[m.Semester] == nil {
			cases[m.Semester] = repo.CasesByID(m.Semester)
		}
		for _, id := range m.Students {
			if c := cases[m.Semester][id]; c != nil && bad[c.Source.File] {
				bad[m.Source.File] = true
			}
		}
		if bad[m.Source.File] || m.Source.Failed {
			rep.Skipped = append(rep.Skipped, m.Source.File)
			continue
		}
		valid.Meetings = append(valid.Meetings, m)
	}
	for _, s := range repo.Surveys {
		if !bad[s.Source.File] && !s.Source.Failed {
			valid.Surveys = append(valid.Surveys, s)
		}
	}
	for f := range bad {
		if strings.HasPrefix(f, "records/") && !slices.Contains(rep.Skipped, f) {
			rep.Skipped = append(rep.Skipped, f)
		}
	}
	sort.Strings(rep.Skipped)

	var outs []Output
	for _, sem := range valid.Semesters() {
		if !inScope(sem) {
			continue
		}
		outs = append(outs, planSemester(valid, sem, tpls, opt.Accounts)...)
		if opt.Workbooks != nil {
			outs = append(outs, opt.Workbooks.plan(sem, valid, findings, opt.Today, opt.Out))
		}
	}
	sort.Slice(outs, func(i, j int) bool { return outs[i].Path < outs[j].Path })
	for i := 1; i < len(outs); i++ {
		if outs[i].Path == outs[i-1].Path {
			return nil, fmt.Errorf("two outputs at %s (from %s and %s)", outs[i].Path, outs[i-1].Source, outs[i].Source)
		}
	}

	if err := os.MkdirAll(opt.Out, 0o755); err != nil {
		return nil, err
	}
	old := loadState(opt.Out)
	next := state{Outputs: map[string]entry{}}

	for _, o := range outs {
		rep.Outputs = append(rep.Outputs, o.Path)
	}
	present := listOutputs(opt.Out)
	var todo []Output
	for _, o := range outs {
		next.Outputs[o.Path] = entry{Hash: o.Hash, Source: o.Source}
		if e, ok := old.Outputs[o.Path]; ok && e.Hash == o.Hash && present[o.Path] {
			rep.Unchanged++
			continue
		}
		todo = append(todo, o)
	}
	// What the old build wrote and this one does not plan: kept when its record has
	// errors now (last good) or lies outside the semesters asked for; else removed.
	var stale []string
	for p, e := range old.Outputs {
		if _, planned := next.Outputs[p]; planned {
			continue
		}
		sem := pipeline.Semester(strings.SplitN(p, "/", 2)[0])
		switch {
		case e.Source != "" && bad[e.Source], !inScope(sem):
			next.Outputs[p] = e
			if bad[e.Source] {
				rep.Kept = append(rep.Kept, p)
			}
		default:
			stale = append(stale, p)
		}
	}
	sort.Strings(stale)
	sort.Strings(rep.Kept)

	built, err := render(ctx, opt, todo)
	rep.Built = built
	// What was written reaches the disk before the state says it was.
	if serr := syncOutput(opt.Out); serr != nil && err == nil {
		err = serr
	}
	if err != nil {
		// Record what did get written, so the next build redoes only the rest.
		for _, o := range todo {
			if !slices.Contains(built, o.Path) {
				delete(next.Outputs, o.Path)
				if e, ok := old.Outputs[o.Path]; ok {
					next.Outputs[o.Path] = entry{Hash: "", Source: e.Source}
				}
			}
		}
		next.save(opt.Out)
		return rep, err
	}
	for _, p := range stale {
		full := filepath.Join(opt.Out, filepath.FromSlash(p))
		if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return rep, err
		}
		removeEmptyDirs(opt.Out, filepath.Dir(full))
		rep.Removed = append(rep.Removed, p)
	}
	if !old.equal(next) {
		if err := next.save(opt.Out); err != nil {
			return rep, err
		}
	}
	rep.Duration = time.Since(start)
	return rep, nil
}

// render writes the outputs with one worker per core; it returns the paths written.
func render(ctx context.Context, opt Options, todo []Output) ([]string, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan Output)
	var (
		mu    sync.Mutex
		built []string
		first error
		done  int
		wg    sync.WaitGroup
	)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for o := range jobs {
				err := writeAtomic(filepath.Join(opt.Out, filepath.FromSlash(o.Path)), o.Write, false)
				mu.Lock()
				if err != nil && first == nil {
					first = fmt.Errorf("%s: %w", o.Path, err)
					cancel()
				}
				if err == nil {
					built = append(built, o.Path)
				}
				done++
				if opt.Progress != nil {
					opt.Progress(done, len(todo))
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for _, o := range todo {
		select {
		case jobs <- o:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	sort.Strings(built)
	if first == nil && ctx.Err() != nil && len(built) < len(todo) {
		first = ctx.Err()
	}
	return built, first
}

// compileTemplates parses each form's template once per build.
func compileTemplates(files map[string][]byte) (map[string]*docx.Template, []string) {
	out := map[string]*docx.Template{}
	var errs []string
	for _, f := range forms.All {
		data, ok := files[f.Template]
		if !ok {
			errs = append(errs, f.Template+": template missing")
			continue
		}
		t, terrs := docx.Parse(f.Template, data, f.Schema)
		for _, e := range terrs {
			errs = append(errs, e.Error())
		}
		if len(terrs) == 0 {
			out[f.Key] = t
		}
	}
	return out, errs
}

// planSemester lists every form document of one semester's valid records. A document's
// hash is made of the bytes it is made from (its record, the roster, the template, the
// mentor's account, a meeting's students' cases): no values are computed for a document
// that is unchanged, so a build with nothing to do stays fast.
func planSemester(r *pipeline.Repo, sem pipeline.Semester, tpls map[string]*docx.Template, accounts map[pipeline.StudentID]pipeline.BankAccount) []Output {
	var outs []Output
	add := func(f forms.Form, rel, source string, values func() docx.Values, inputs ...string) {
		t := tpls[f.Key]
		if t == nil {
			return // the template has errors, reported once
		}
		outs = append(outs, Output{
			Path:   string(sem) + "/" + f.Folder + "/" + rel,
			Source: source,
			Hash:   hashInputs(append([]string{rel, f.Template, t.Hash(), r.Config.Source.Hash}, inputs...)...),
			Write:  func(w io.Writer) error { return t.Render(w, values()) },
			tpl:    t,
			values: values,
		})
	}
	for _, c := range r.CasesOf(sem) {
		c := c
		dir := SafeName(c.Student.Class) + "/"
		who := SafeName(string(c.Student.ID)) + "_" + SafeName(c.Student.Name)
		for i := range c.Interviews {
			add(forms.Interview, fmt.Sprintf("%s%s_谈话%d.docx", dir, who, i+1), c.Source.File,
				func() docx.Values { return forms.InterviewValues(r, c, i) }, c.Source.Hash, fmt.Sprint(i))
		}
		add(forms.Plan, dir+who+".docx", c.Source.File, func() docx.Values { return forms.PlanValues(r, c) }, c.Source.Hash)
		if c.PeerSupport != nil {
			acct := accounts[c.PeerSupport.Mentor.ID]
			add(forms.Peer, dir+who+".docx", c.Source.File,
				func() docx.Values { return forms.PeerValues(r, c, acct) }, c.Source.Hash, string(acct))
		}
	}
	byID := r.CasesByID(sem)
	for _, m := range r.Meetings {
		if m.Semester != sem {
			continue
		}
		m := m
		inputs := []string{m.Source.Hash}
		for _, id := range m.Students {
			hash := ""
			if c := byID[id]; c != nil {
				hash = c.Source.Hash
			}
			inputs = append(inputs, string(id), hash)
		}
		name := strings.TrimSuffix(path.Base(m.Source.File), path.Ext(m.Source.File))
		add(forms.Meeting, SafeName(name)+".docx", m.Source.File, func() docx.Values { return forms.MeetingValues(r, m) }, inputs...)
	}
	return outs
}

// hashInputs is the hash of everything a document is made from.
func hashInputs(parts ...string) string {
	// Length-prefixed, without fmt: this runs for every document on every build.
	buf := make([]byte, 0, 512)
	buf = append(append(append(append(buf, "bangfu "...), Version...), ' '), formatRevision...)
	for _, p := range parts {
		buf = strconv.AppendInt(append(buf, 0), int64(len(p)), 10)
		buf = append(append(buf, ':'), p...)
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:])
}

// HashBytes is the hex SHA-256 of data, for outputs whose inputs are bytes.
func HashBytes(parts ...[]byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "bangfu %s %s\x00", Version, formatRevision)
	for _, p := range parts {
		fmt.Fprintf(h, "%d:", len(p))
		h.Write(p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// listOutputs is every file under out (slash paths), read folder by folder: one
// directory read each instead of a stat for each of thousands of documents. On the
// way it removes the temporary files a killed build left behind.
func listOutputs(out string) map[string]bool {
	m := map[string]bool{}
	var walk func(dir, rel string)
	walk = func(dir, rel string) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return
		}
		for _, e := range entries {
			name := e.Name()
			switch {
			case strings.HasPrefix(name, ".tmp-"):
				os.RemoveAll(filepath.Join(dir, name)) // a killed build's temporary file or folder
			case e.IsDir():
				walk(filepath.Join(dir, name), rel+name+"/")
			default:
				m[rel+name] = true
			}
		}
	}
	walk(out, "")
	return m
}

// removeEmptyDirs removes dir and its empty parents up to (not including) out.
func removeEmptyDirs(out, dir string) {
	out = filepath.Clean(out)
	for dir = filepath.Clean(dir); dir != out && strings.HasPrefix(dir, out); dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil {
			return
		}
	}
}
