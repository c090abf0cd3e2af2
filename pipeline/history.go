package pipeline

import (
	"sort"
	"strings"
)

// FieldChange is one change between two versions of a record, as the audit shows it.
type FieldChange struct {
	Field string // "warning.level", or a list item "interviews[2]"
	Kind  string // "added", "removed", "changed"
	Old   string // for a changed single-line value
	New   string
}

// sensitiveFields are shown masked in a history: phone and bank numbers.
var sensitiveFields = []string{"phone", "bank_account"}

// DiffFields compares two flattened versions of a record. A list item that appears or
// disappears whole is one change ("interviews[2] added"), not one per field; a value
// of several lines is "changed" without quoting it; phones and accounts are masked.
func DiffFields(old, new map[string]string) []FieldChange {
	var out []FieldChange
	items := map[string]string{} // list item path → kind, when the whole item is new or gone
	itemOf := func(p string) string {
		if i := strings.LastIndex(p, "]"); i >= 0 {
			return p[:i+1]
		}
		return ""
	}
	hasPrefix := func(m map[string]string, prefix string) bool {
		for k := range m {
			if k == prefix || strings.HasPrefix(k, prefix+".") || strings.HasPrefix(k, prefix+"[") {
				return true
			}
		}
		return false
	}
	for p := range new {
		if _, ok := old[p]; !ok {
			if new[p] == "" && hasPrefix(old, p) {
				continue // a list or section emptied: its items say what went
			}
			if it := itemOf(p); it != "" && !hasPrefix(old, it) {
				items[it] = "added"
				continue
			}
			out = append(out, FieldChange{Field: p, Kind: "added", New: mask(p, new[p])})
		} else if old[p] != new[p] {
			c := FieldChange{Field: p, Kind: "changed"}
			if !strings.Contains(old[p], "\n") && !strings.Contains(new[p], "\n") && len([]rune(old[p])) <= 40 && len([]rune(new[p])) <= 40 {
				c.Old, c.New = mask(p, old[p]), mask(p, new[p])
			}
			out = append(out, c)
		}
	}
	for p := range old {
		if _, ok := new[p]; !ok {
			if old[p] == "" && hasPrefix(new, p) {
				continue // an empty list or section filled: its items say what came
			}
			if it := itemOf(p); it != "" && !hasPrefix(new, it) {
				items[it] = "removed"
				continue
			}
			out = append(out, FieldChange{Field: p, Kind: "removed", Old: mask(p, old[p])})
		}
	}
	for it, kind := range items {
		out = append(out, FieldChange{Field: it, Kind: kind})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Field < out[j].Field })
	return out
}

func mask(path, v string) string {
	for _, s := range sensitiveFields {
		if strings.HasSuffix(path, s) && v != "" {
			return MaskDigits(v)
		}
	}
	return v
}
