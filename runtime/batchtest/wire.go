package batchtest

import (
	"bytes"
	"encoding/binary"
	"io"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
)

// watchCopies makes the connections of cfg report every COPY ... FROM STDIN
// they run. pgx's CopyFromTracer sees only pgx's own CopyFrom; code that
// copies through pgconn (runtime/pgbatch among it) is below every pgx
// tracer, so the protocol itself is watched: the COPY query sent, and the
// CommandComplete ("COPY n") or error that ends it. Only message headers are
// parsed on the way, about a nanosecond per message.
func (r *Recorder) watchCopies(cfg *pgconn.Config) {
	build := cfg.BuildFrontend
	if build == nil {
		build = pgproto3.NewFrontend
	}
	cfg.BuildFrontend = func(rd io.Reader, w io.Writer) *pgproto3.Frontend {
		c := &copyWatch{r: r}
		c.out.untyped = true // the startup message has no type byte
		return build(&watchReader{rd, c}, &watchWriter{w, c})
	}
}

type copyWatch struct {
	r       *Recorder
	out, in messages
	copy    atomic.Pointer[pendingCopy] // sent, and its end not yet read
}

// pendingCopy keeps the site of the goroutine that sent the COPY: its end
// may be read by a goroutine of pgconn's own.
type pendingCopy struct {
	shape shape
	site  *stack
}

type watchWriter struct {
	w io.Writer
	c *copyWatch
}

func (w *watchWriter) Write(p []byte) (int, error) {
	w.c.out.feed(p, func(typ byte) bool { return typ == 'Q' }, func(_ byte, body []byte) {
		if s := w.c.r.shapeOf(string(bytes.TrimRight(body, "\x00"))); s.copy {
			w.c.copy.Store(&pendingCopy{s, callers()})
		}
	})
	return w.w.Write(p)
}

type watchReader struct {
	r io.Reader
	c *copyWatch
}

func (rd *watchReader) Read(p []byte) (int, error) {
	n, err := rd.r.Read(p)
	c := rd.c
	c.in.feed(p[:n], func(typ byte) bool { return (typ == 'C' || typ == 'E') && c.copy.Load() != nil }, func(typ byte, body []byte) {
		pc := c.copy.Swap(nil)
		if pc == nil {
			return
		}
		tag := string(bytes.TrimRight(body, "\x00"))
		rows, convErr := strconv.Atoi(tag[min(len(tag), len("COPY ")):])
		failed := typ == 'E' || convErr != nil
		c.r.executed("pgx", pc.shape, rows, 1, failed, pc.site)
	})
	return n, err
}

// messages splits one direction of the protocol into messages, whatever
// the reads and writes cut it into, collecting the bodies keep asks for.
type messages struct {
	mu      sync.Mutex
	untyped bool // the next message has a length but no type byte
	hdr     [5]byte
	hdrN    int
	typ     byte
	left    int // body bytes of the current message still to come
	keep    bool
	body    []byte
}

func (m *messages) feed(p []byte, keep func(typ byte) bool, done func(typ byte, body []byte)) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for {
		if m.left == 0 && m.hdrN == 0 && len(p) == 0 {
			return
		}
		hdrLen := 5
		if m.untyped {
			hdrLen = 4
		}
		if m.hdrN < hdrLen {
			n := copy(m.hdr[m.hdrN:hdrLen], p)
			m.hdrN += n
			p = p[n:]
			if m.hdrN < hdrLen {
				return
			}
			m.typ = 0
			if !m.untyped {
				m.typ = m.hdr[0]
			}
			m.left = max(int(binary.BigEndian.Uint32(m.hdr[hdrLen-4:hdrLen]))-4, 0)
			m.keep = m.typ != 0 && keep(m.typ)
			m.body = m.body[:0]
		}
		n := min(m.left, len(p))
		if m.keep {
			m.body = append(m.body, p[:n]...)
		}
		m.left -= n
		p = p[n:]
		if m.left > 0 {
			return
		}
		if m.keep {
			done(m.typ, m.body)
		}
		m.hdrN, m.untyped = 0, false
	}
}
