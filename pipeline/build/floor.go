package build

import (
	"context"
	"io"

	"github.com/gxu-fl/bangfu/pipeline"
)

// PlanForFloor plans the documents a full build writes, with each body rendered
// ahead: writing them is the floor any renderer pays (parts copied raw, one body
// deflated, an atomic write). BenchmarkFloor5000 measures it beside the real build.
func PlanForFloor(repo *pipeline.Repo, templates map[string][]byte) []Output {
	tpls, _ := compileTemplates(templates)
	var outs []Output
	for _, sem := range repo.Semesters() {
		for _, o := range planSemester(repo, sem, tpls, nil) {
			body, t := o.tpl.Body(o.values()), o.tpl
			o.Write = func(w io.Writer) error { return t.WriteBody(w, body) }
			outs = append(outs, o)
		}
	}
	return outs
}

// WriteFloor writes pre-rendered outputs as a build does: its workers, atomic writes,
// and the one flush to disk at the end (without it the floor would skip the build's
// durability and look cheaper than it is).
func WriteFloor(ctx context.Context, out string, outs []Output) error {
	if _, err := render(ctx, Options{Out: out}, outs); err != nil {
		return err
	}
	return syncOutput(out)
}
