// Package gen builds the four built-in form templates (附件1-4) as WordprocessingML,
// so the committed .docx files in templates/ can be regenerated and checked for drift.
// Staff edit copies in Word or WPS; this is only how the built-ins are made.
package gen

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"time"
)

// A4 portrait in twentieths of a point, with the usual Chinese office margins.
const (
	pageW, pageH = 11906, 16838
	marginTB     = 1440
	marginLR     = 1588
	textWidth    = pageW - 2*marginLR
)

type run struct {
	text string
	bold bool
	size int // half-points; 0 = default
}

type para struct {
	runs   []run
	align  string // left, center, right, both
	before int    // spacing before, twips
	after  int
	indent int // first-line indent in twips
	// pageBreak starts the paragraph on a new page (an attached list).
	pageBreak bool
}

type cell struct {
	paras  []para
	span   int
	valign string // top, center, bottom
}

type row struct {
	cells  []cell
	height int  // minimum height in twips
	header bool // repeated at the top of each page the table runs onto
}

type table struct {
	cols []int
	rows []row
}

type doc struct {
	body strings.Builder
}

func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (p para) xml() string {
	var b strings.Builder
	b.WriteString("<w:p><w:pPr>")
	if p.pageBreak {
		b.WriteString("<w:pageBreakBefore/>")
	}
	if p.before > 0 || p.after > 0 {
		fmt.Fprintf(&b, `<w:spacing w:before="%d" w:after="%d"/>`, p.before, p.after)
	}
	if p.indent > 0 {
		fmt.Fprintf(&b, `<w:ind w:firstLine="%d"/>`, p.indent)
	}
	if p.align != "" {
		fmt.Fprintf(&b, `<w:jc w:val="%s"/>`, p.align)
	}
	b.WriteString("</w:pPr>")
	for _, r := range p.runs {
		b.WriteString("<w:r>")
		if r.bold || r.size > 0 {
			b.WriteString("<w:rPr>")
			if r.bold {
				b.WriteString("<w:b/><w:bCs/>")
			}
			if r.size > 0 {
				fmt.Fprintf(&b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, r.size, r.size)
			}
			b.WriteString("</w:rPr>")
		}
		fmt.Fprintf(&b, `<w:t xml:space="preserve">%s</w:t></w:r>`, esc(r.text))
	}
	b.WriteString("</w:p>")
	return b.String()
}

func (d *doc) p(p para) { d.body.WriteString(p.xml()) }

func (d *doc) table(t table) {
	b := &d.body
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="` + fmt.Sprint(sum(t.cols)) + `" w:type="dxa"/><w:jc w:val="center"/>`)
	b.WriteString(`<w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(b, `<w:%s w:val="single" w:sz="6" w:space="0" w:color="000000"/>`, side)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, c := range t.cols {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, c)
	}
	b.WriteString(`</w:tblGrid>`)
	for _, r := range t.rows {
		b.WriteString("<w:tr><w:trPr><w:cantSplit/>")
		if r.header {
			b.WriteString("<w:tblHeader/>")
		}
		if r.height > 0 {
			fmt.Fprintf(b, `<w:trHeight w:val="%d" w:hRule="atLeast"/>`, r.height)
		}
		b.WriteString("</w:trPr>")
		col := 0
		for _, c := range r.cells {
			span := max(c.span, 1)
			w := sum(t.cols[col : col+span])
			col += span
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, w)
			if span > 1 {
				fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, span)
			}
			v := c.valign
			if v == "" {
				v = "center"
			}
			fmt.Fprintf(b, `<w:vAlign w:val="%s"/></w:tcPr>`, v)
			if len(c.paras) == 0 {
				c.paras = []para{{}}
			}
			for _, p := range c.paras {
				b.WriteString(p.xml())
			}
			b.WriteString("</w:tc>")
		}
		if col != len(t.cols) {
			panic(fmt.Sprintf("row spans %d of %d columns", col, len(t.cols)))
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
}

func sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

const (
	nsW = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
)

func (d *doc) documentXML() string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document ` + nsW + `><w:body>` + d.body.String() +
		fmt.Sprintf(`<w:sectPr><w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="992" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr>`,
			pageW, pageH, marginTB, marginLR, marginTB, marginLR) +
		`</w:body></w:document>`
}

// stylesXML sets 宋体 (SimSun) as the East Asian font of every run, so Chinese never
// falls back to a Latin font, and Times New Roman for Latin text, as Chinese forms do.
const stylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman" w:hint="eastAsia"/><w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:spacing w:line="276" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`

const fontTableXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:font w:name="宋体"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font><w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`

const settingsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/></w:compat><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>`

const contentTypesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`

const relsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`

const docRelsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/></Relationships>`

func coreXML(title string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>` + esc(title) + `</dc:title><dc:creator>bangfu</dc:creator></cp:coreProperties>`
}

const appXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>bangfu</Application></Properties>`

// fixedTime is every entry's time, so the same template is the same bytes.
var fixedTime = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

func (d *doc) docx(title string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range []struct{ name, data string }{
		{"[Content_Types].xml", contentTypesXML},
		{"_rels/.rels", relsXML},
		{"word/document.xml", d.documentXML()},
		{"word/_rels/document.xml.rels", docRelsXML},
		{"word/styles.xml", stylesXML},
		{"word/settings.xml", settingsXML},
		{"word/fontTable.xml", fontTableXML},
		{"docProps/core.xml", coreXML(title)},
		{"docProps/app.xml", appXML},
	} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: fixedTime})
		if err != nil {
			panic(err)
		}
		w.Write([]byte(f.data))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}
