// Package textwidth measures text as terminals and spreadsheets lay it out: a CJK
// (East Asian wide or full-width) character takes two columns.
package textwidth

import "golang.org/x/text/width"

// Of is the display width of s; for text of several lines, that of its widest line.
func Of(s string) int {
	w, line := 0, 0
	for _, r := range s {
		if r == '\n' {
			w, line = max(w, line), 0
			continue
		}
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			line += 2
		default:
			line++
		}
	}
	return max(w, line)
}

// Pad is s followed by spaces up to n columns.
func Pad(s string, n int) string {
	for w := Of(s); w < n; w++ {
		s += " "
	}
	return s
}
