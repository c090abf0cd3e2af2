package main

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/gxu-fl/bangfu/pipeline/i18n"
)

// progress shows a long build advancing: a bar redrawn in place on a terminal, a
// plain line every tenth when the output is a log (CI), nothing with --quiet or --json.
type progress struct {
	mu       sync.Mutex
	e        *env
	terminal bool
	off      bool
	last     time.Time
	tenth    int
	drawn    bool
}

func newProgress(e *env, o buildOptions) *progress {
	p := &progress{e: e, off: o.quiet || o.json}
	if f, ok := e.stdout.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.terminal = true
		}
	}
	return p
}

// minForProgress is the number of documents below which a build is too short to show progress.
const minForProgress = 200

func (p *progress) update(done, total int) {
	if p.off || total < minForProgress {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	word := "生成"
	if p.e.lang == i18n.EN {
		word = "rendering"
	}
	if p.terminal {
		if time.Since(p.last) < 100*time.Millisecond && done < total {
			return
		}
		p.last = time.Now()
		const width = 30
		fill := width * done / total
		fmt.Fprintf(p.e.stdout, "\r%s [%s%s] %d/%d", word, strings.Repeat("=", fill), strings.Repeat(" ", width-fill), done, total)
		p.drawn = true
		return
	}
	if t := 10 * done / total; t > p.tenth {
		p.tenth = t
		fmt.Fprintf(p.e.stdout, "%s %d/%d (%d%%)\n", word, done, total, 100*done/total)
	}
}

// done ends the bar's line so the summary starts on a line of its own.
func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprintln(p.e.stdout)
		p.drawn = false
	}
}
