package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"time"
)

// sortedZip is the ZipWriter excelize writes through. excelize walks its stream
// writers in map order, so with several streamed sheets the entry order changes from
// run to run; this writer deflates each entry into memory and writes them sorted by
// name with one fixed time, so the same records give the same bytes.
type sortedZip struct {
	out     io.Writer
	entries []*zipEntry
	// reuse holds parts to write as they were last time (PartCache) instead of what
	// excelize made of a sheet that was not streamed; streamed are parts to remember.
	reuse    map[string]cachedPart
	streamed map[string][32]byte
	cache    *PartCache
}

type zipEntry struct {
	name string
	buf  bytes.Buffer
	fw   *flate.Writer
	crc  uint32
	size uint64
	raw  *bytes.Buffer // kept uncompressed, to be put in canonical order at Close
}

func (e *zipEntry) Write(p []byte) (int, error) {
	if e.raw != nil {
		return e.raw.Write(p)
	}
	e.crc = crc32.Update(e.crc, crc32.IEEETable, p)
	e.size += uint64(len(p))
	return e.fw.Write(p)
}

// zipTime is every entry's time: the workbook carries no build time.
var zipTime = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

func (z *sortedZip) Create(name string) (io.Writer, error) {
	e := &zipEntry{name: name}
	if name == contentTypes {
		e.raw = &bytes.Buffer{}
	}
	// BestSpeed: the workbook is rewritten on every save under bangfu watch; a few
	// percent more bytes cost less than the time of a tighter compression.
	fw, err := flate.NewWriter(&e.buf, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	e.fw = fw
	z.entries = append(z.entries, e)
	return e, nil
}

func (z *sortedZip) AddFS(fsys fs.FS) error { return zip.NewWriter(io.Discard).AddFS(fsys) }

func (z *sortedZip) Close() error {
	for _, e := range z.entries {
		if e.raw != nil {
			canon := canonicalTypes(e.raw.Bytes())
			e.raw = nil
			if _, err := e.Write(canon); err != nil {
				return err
			}
		}
		if err := e.fw.Close(); err != nil {
			return err
		}
	}
	sort.SliceStable(z.entries, func(i, j int) bool { return order(z.entries[i].name) < order(z.entries[j].name) })
	zw := zip.NewWriter(z.out)
	for _, e := range z.entries {
		data, crc, size := e.buf.Bytes(), e.crc, e.size
		if p, ok := z.reuse[e.name]; ok {
			data, crc, size = p.data, p.crc, p.size
		} else if sum, ok := z.streamed[e.name]; ok {
			z.cache.put(e.name, cachedPart{hash: sum, data: bytes.Clone(data), crc: crc, size: size})
		}
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: zipTime,
			CRC32: crc, CompressedSize64: uint64(len(data)), UncompressedSize64: size}
		w, err := zw.CreateRaw(h)
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}

const contentTypes = "[Content_Types].xml"

var typeElem = regexp.MustCompile(`<(Default|Override) [^>]*?(/>|></(Default|Override)>)`)

// canonicalTypes sorts [Content_Types].xml's <Default> and <Override> elements:
// excelize adds the image extensions from a map, in a different order each run.
func canonicalTypes(x []byte) []byte {
	locs := typeElem.FindAllIndex(x, -1)
	if len(locs) == 0 {
		return x
	}
	var elems []string
	for _, l := range locs {
		elems = append(elems, string(x[l[0]:l[1]]))
	}
	sort.SliceStable(elems, func(i, j int) bool {
		di, dj := strings.HasPrefix(elems[i], "<Default"), strings.HasPrefix(elems[j], "<Default")
		if di != dj {
			return di
		}
		return elems[i] < elems[j]
	})
	var out bytes.Buffer
	out.Write(x[:locs[0][0]])
	for _, e := range elems {
		out.WriteString(e)
	}
	out.Write(x[locs[len(locs)-1][1]:])
	return out.Bytes()
}

// order puts [Content_Types].xml first, as readers that sniff the package expect,
// then every other part by name.
func order(name string) string {
	if name == contentTypes {
		return ""
	}
	return name
}
