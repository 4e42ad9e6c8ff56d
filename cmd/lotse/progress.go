package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progressBar draws "label [#####.....]  45%" on a terminal as bytes pass
// through (Write) or as a count moves (set).
type progressBar struct {
	mu    sync.Mutex
	w     io.Writer
	label string
	total int64
	n     int64
	last  time.Time
}

func newProgressBar(w io.Writer, label string, total int64) *progressBar {
	return &progressBar{w: w, label: label, total: total}
}

func (p *progressBar) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n += int64(len(b))
	if time.Since(p.last) > 100*time.Millisecond || p.n >= p.total {
		p.draw()
		p.last = time.Now()
	}
	return len(b), nil
}

// set moves the bar to done of total (store.ImportProgress).
func (p *progressBar) set(done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n, p.total = int64(done), int64(max(total, 1))
	if time.Since(p.last) > 100*time.Millisecond || p.n >= p.total {
		p.draw()
		p.last = time.Now()
	}
}

func (p *progressBar) draw() {
	const width = 30
	frac := float64(p.n) / float64(p.total)
	if frac > 1 {
		frac = 1
	}
	full := int(frac * width)
	fmt.Fprintf(p.w, "\r%s [%s%s] %3.0f%%", p.label, strings.Repeat("#", full), strings.Repeat(".", width-full), frac*100)
}

func (p *progressBar) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n = p.total
	p.draw()
	fmt.Fprintln(p.w)
}
