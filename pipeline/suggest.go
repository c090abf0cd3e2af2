package pipeline

import (
	"strings"
	"unicode"
)

// hints are words staff use that the seed calls by another name.
var hints = map[string]string{
	"预警":   "学业警示",
	"警示":   "学业警示",
	"学业预警": "学业警示",
	"教务":   "教务处",
	"微信":   "微信/QQ",
	"QQ":   "微信/QQ",
	"qq":   "微信/QQ",
	"视频":   "微信/QQ",
}

// Suggest is the word of candidates that v most likely meant ("did you mean"), or "".
// It prefers a known synonym, then a word that contains v or that v contains, then
// the nearest by edit distance when it is close enough to be a typo.
func Suggest(v string, candidates []string) string {
	if v == "" {
		return ""
	}
	if h, ok := hints[v]; ok {
		for _, c := range candidates {
			if c == h {
				return c
			}
		}
	}
	// The same word but for brackets, spaces, width or case: 综合英语3 → 综合英语（3）.
	for _, c := range candidates {
		if fold(c) == fold(v) {
			return c
		}
	}
	var contains []string
	for _, c := range candidates {
		if strings.Contains(c, v) || strings.Contains(v, c) {
			contains = append(contains, c)
		}
	}
	if len(contains) > 0 {
		return strings.Join(contains, "、")
	}
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if d := editDistance(strings.ToLower(v), strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	n := len([]rune(v))
	limit := n / 3
	if limit < 1 {
		limit = 1
	}
	if limit > 3 {
		limit = 3
	}
	if bestD <= limit {
		return best
	}
	return ""
}

// editDistance is the Levenshtein distance in runes, with a swap of two neighbours counting one.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 1 << 20
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// fold drops punctuation and spaces, maps full-width letters and digits to ASCII, and lowers case.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '！' && r <= '～' {
			r -= '！' - '!'
		}
		if unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
