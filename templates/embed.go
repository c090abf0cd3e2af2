// Package templates holds the built-in forms (附件1-4) as real .docx files, embedded
// so that bangfu needs no files around it. A records repository may replace one by
// putting a same-named .docx in its own templates/ folder.
package templates

import "embed"

//go:embed *.docx
var FS embed.FS
