package build

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/gxu-fl/bangfu/pipeline/workbook"
)

// Workbooks makes each semester's summary workbook part of a build. It keeps every
// workbook's sheets from one build to the next (bangfu watch rebuilds only the
// sheets whose rows changed); one value serves every build of a repository.
type Workbooks struct {
	mu    sync.Mutex
	parts map[pipeline.Semester]*workbook.PartCache
}

func (w *Workbooks) cache(sem pipeline.Semester) *workbook.PartCache {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.parts == nil {
		w.parts = map[pipeline.Semester]*workbook.PartCache{}
	}
	if w.parts[sem] == nil {
		w.parts[sem] = workbook.NewPartCache()
	}
	return w.parts[sem]
}

// plan is the semester's workbook as an output. It is made from the valid cases of
// that semester and the ones before (跨学期跟踪), the surveys, the roster and the
// to-dos as judged on today; its hash is made of those.
func (w *Workbooks) plan(sem pipeline.Semester, valid *pipeline.Repo, findings []pipeline.Finding, today pipeline.Date, out string) Output {
	inputs := [][]byte{[]byte(workbook.FileName), []byte(today.String()), []byte(valid.Config.Source.Hash), []byte(sem)}
	for _, c := range valid.Cases {
		if c.Semester <= sem { // later semesters do not show in this one's workbook
			inputs = append(inputs, []byte(c.Source.File), []byte(c.Source.Hash))
		}
	}
	for _, s := range valid.Surveys {
		inputs = append(inputs, []byte(s.Source.File), []byte(s.Source.Hash))
	}
	// The to-dos it shows: derived, but some (escalation) draw on other semesters.
	for _, f := range findings {
		if f.Severity == pipeline.Todo && f.Semester == sem {
			inputs = append(inputs, fmt.Appendf(nil, "%s:%d:%s:%v:%t", f.Pos.File, f.Pos.Line, f.Code, f.Args, f.Overdue))
		}
	}
	private := filepath.Join(out, filepath.FromSlash(filepath.Dir(StateFile)))
	return Output{
		Path: string(sem) + "/" + workbook.FileName,
		Hash: HashBytes(inputs...),
		Write: func(wr io.Writer) error {
			// excelize's temporary files hold student data: a private folder inside the
			// ignored output/, removed after, and swept by the next build if this one is killed.
			if err := os.MkdirAll(private, 0o700); err != nil {
				return err
			}
			tmp, err := os.MkdirTemp(private, ".tmp-xlsx-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(tmp)
			return workbook.Write(wr, workbook.Input{Repo: valid, Semester: sem, Findings: findings, TmpDir: tmp, Parts: w.cache(sem)})
		},
	}
}
