package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"sync"
)

// bodyPart is the package part that holds the document's body.
const bodyPart = "word/document.xml"

// pkg is the template's zip package: every part but the body is copied raw, as
// compressed bytes, into each document; only the body is deflated anew.
type pkg struct {
	files    []*zip.File
	bodySize int
}

func openPackage(data []byte) (*pkg, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	p := &pkg{files: zr.File}
	for _, f := range zr.File {
		if f.Name == bodyPart {
			p.bodySize = int(f.UncompressedSize64)
			return p, nil
		}
	}
	return nil, fmt.Errorf("no %s in the package", bodyPart)
}

var flaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(io.Discard, flate.DefaultCompression)
	return w
}}

type pooledFlater struct{ *flate.Writer }

func (p pooledFlater) Close() error {
	err := p.Writer.Close()
	flaters.Put(p.Writer)
	return err
}

// write writes the package with body as its document.xml. Entry order, names and
// times are the template's, so the same template and values give the same bytes.
func (p *pkg) write(w io.Writer, body string) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw := flaters.Get().(*flate.Writer)
		fw.Reset(out)
		return pooledFlater{fw}, nil
	})
	for _, f := range p.files {
		if f.Name == bodyPart {
			h := f.FileHeader
			h.Method = zip.Deflate
			h.CompressedSize64, h.UncompressedSize64, h.CRC32 = 0, 0, 0
			h.Flags &^= 0x8 // sizes go in the data descriptor zip.Writer adds
			bw, err := zw.CreateHeader(&h)
			if err != nil {
				return err
			}
			if _, err := io.WriteString(bw, body); err != nil {
				return err
			}
			continue
		}
		raw, err := f.OpenRaw()
		if err != nil {
			return err
		}
		h := f.FileHeader
		cw, err := zw.CreateRaw(&h)
		if err != nil {
			return err
		}
		if _, err := io.Copy(cw, raw); err != nil {
			return err
		}
	}
	return zw.Close()
}

// MaxPartSize bounds each part of a template once inflated: a form is a few hundred
// KiB; a larger part (a zip bomb in a custom template) is refused before it is read.
const MaxPartSize = 32 << 20

func checkSize(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("not a .docx file: %v", err)
	}
	for _, f := range zr.File {
		if f.UncompressedSize64 > MaxPartSize {
			return fmt.Errorf("part %s is %d MiB inflated; a template part may be %d MiB", f.Name, f.UncompressedSize64>>20, MaxPartSize>>20)
		}
	}
	return nil
}
