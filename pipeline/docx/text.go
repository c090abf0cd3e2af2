package docx

import (
	"encoding/xml"
	"io"
	"strings"
)

// PlainText is a document body as text: paragraphs on lines, table cells separated by
// " | ", rows on lines, breaks as newlines. Golden tests compare forms through it, so
// they check what a reader sees rather than bytes. It fails on XML that is not well formed.
func PlainText(body string) (string, error) {
	d := xml.NewDecoder(strings.NewReader(body))
	var b strings.Builder
	inText := false
	cellStart := false
	cells := 0        // depth of table cells
	cellPara := false // a paragraph of the current cell has ended
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return b.String(), err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "br":
				b.WriteString("\n")
			case "tab":
				b.WriteString("\t")
			case "p":
				if cells > 0 && cellPara {
					b.WriteString("\n")
				}
			case "tc":
				if !cellStart {
					b.WriteString(" | ")
				}
				cellStart = false
				cells++
				cellPara = false
			case "tr":
				b.WriteString("|")
				cellStart = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if cells > 0 {
					cellPara = true
				} else {
					b.WriteString("\n")
				}
			case "tc":
				cells--
			case "tr":
				b.WriteString("|\n")
			}
		case xml.CharData:
			if inText {
				b.Write(t)
			}
		}
	}
}
