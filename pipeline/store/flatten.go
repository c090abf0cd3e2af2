package store

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Flatten reads a records file into its fields, path → value ("warning.level" →
// "学业警示", "interviews[1].by" → "王芳"), for comparing two versions of it. A file
// that does not parse, or repeats a key, gives nil: its history shows it as unreadable.
func Flatten(data []byte) map[string]string {
	root, _, fs := parse("", data)
	if root == nil || len(fs) > 0 {
		return nil
	}
	out := map[string]string{}
	dup := false
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.MappingNode:
			if len(n.Content) == 0 && path != "" {
				out[path] = ""
			}
			seen := map[string]bool{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				if seen[n.Content[i].Value] {
					dup = true // the loader refuses it too
				}
				seen[n.Content[i].Value] = true
				walk(n.Content[i+1], join(path, n.Content[i].Value))
			}
		case yaml.SequenceNode:
			if len(n.Content) == 0 {
				out[path] = ""
			}
			for i, c := range n.Content {
				walk(c, fmt.Sprintf("%s[%d]", path, i))
			}
		case yaml.ScalarNode:
			v := n.Value
			if n.Tag == "!!null" {
				v = ""
			}
			out[path] = strings.TrimRight(v, "\n")
		}
	}
	walk(root, "")
	if dup {
		return nil
	}
	return out
}
