// Package docx is the template layer bangfu builds on github.com/nguyenthenguyen/docx:
// that library reads the .docx package; this layer finds {{tags}} even where Word or
// WPS split them across runs, compiles a template once, and renders it in one pass —
// escaping values, turning line breaks into <w:br/> between text elements, repeating
// table rows for lists and printing option lists with ☑ and ☐.
//
// The phases are one file each: repair.go (split tags), compile.go (segments),
// render.go (values into XML), write.go (the zip package).
package docx
