package workbook

import (
	"crypto/sha256"
	"fmt"
	"strconv"
	"sync"
)

// PartCache keeps, between writes of one semester's workbook (bangfu watch), each
// streamed sheet's compressed XML part with the hash of the rows it was made from.
// A sheet whose rows hash the same is not streamed again: its previous part goes into
// the package unchanged, byte for byte what streaming it would have produced.
type PartCache struct {
	mu    sync.Mutex
	parts map[string]cachedPart // by part name, xl/worksheets/sheetN.xml
	hits  int
}

// Hits is how many sheets were taken from the cache so far.
func (c *PartCache) Hits() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits
}

type cachedPart struct {
	hash [32]byte
	data []byte // deflated
	crc  uint32
	size uint64
}

// NewPartCache is an empty cache.
func NewPartCache() *PartCache { return &PartCache{parts: map[string]cachedPart{}} }

func (c *PartCache) get(part string, hash [32]byte) (cachedPart, bool) {
	if c == nil {
		return cachedPart{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.parts[part]
	if ok && p.hash == hash {
		c.hits++
		return p, true
	}
	return cachedPart{}, false
}

func (c *PartCache) put(part string, p cachedPart) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.parts[part] = p
}

// hash identifies everything a streamed sheet's part is made from: its name, header,
// every cell (value, style, merge) and the rows its filter covers. Widths, the used
// range and the conditional formats are derived from these.
func (j *sheetJob) hash() [32]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%q\x00%d\x00%v\x00", j.sheet, j.t.header, j.t.filterRows, j.t.wrap)
	// Per cell without fmt: this runs over every cell of every sheet on each save.
	buf := make([]byte, 0, 4096)
	for _, r := range j.t.rows {
		buf = strconv.AppendInt(append(buf, '['), int64(len(r)), 10)
		for _, c := range r {
			switch v := c.v.(type) {
			case nil:
				buf = append(buf, 'n')
			case string:
				buf = strconv.AppendInt(append(buf, 's'), int64(len(v)), 10)
				buf = append(append(buf, ':'), v...)
			case int:
				buf = strconv.AppendInt(append(buf, 'i'), int64(v), 10)
			case float64:
				buf = strconv.AppendFloat(append(buf, 'f'), v, 'g', -1, 64)
			default:
				buf = fmt.Appendf(append(buf, 'x'), "%T:%v", v, v)
			}
			buf = strconv.AppendInt(append(buf, ','), int64(c.style), 10)
			buf = strconv.AppendInt(append(buf, ','), int64(c.span), 10)
			buf = append(buf, ';')
		}
		buf = append(buf, ']')
		if len(buf) > 3072 {
			h.Write(buf)
			buf = buf[:0]
		}
	}
	h.Write(buf)
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}
