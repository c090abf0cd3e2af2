package docx

import (
	"archive/zip"
	"bytes"
	"time"
)

// testSchema is the schema of the test templates in testdata/.
var testSchema = Schema{
	Fields: []string{"college", "student.name", "note", "flag", "choice"},
	Lists:  map[string][]string{"rows": {"a", "b"}},
}

// packageWith builds a minimal .docx around a document.xml, as the tests need one.
func packageWith(document string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	t := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, f := range []struct{ name, data string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", document},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`},
	} {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: t})
		w.Write([]byte(f.data))
	}
	zw.Close()
	return buf.Bytes()
}

// body wraps paragraphs XML in a document.
func body(inner string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + inner + `<w:sectPr/></w:body></w:document>`
}
