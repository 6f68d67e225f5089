// Package regular reads and writes files named by users or found in their
// code only when they are regular files, so that a path naming a FIFO, a
// device or a directory fails with an error instead of blocking forever or
// reading without end (/dev/zero).
package regular

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// open opens path with O_NONBLOCK, which keeps the open itself from
// blocking on a FIFO without a writer (or reader), and then checks the
// opened file, not the path, so that the file cannot be swapped between
// the check and the use. Symbolic links are followed: the file they lead to
// must be regular.
func open(path string, flag int) (*os.File, os.FileInfo, error) {
	f, err := os.OpenFile(path, flag|syscall.O_NONBLOCK, 0o644)
	if err != nil {
		if errors.Is(err, syscall.ENXIO) {
			// A FIFO opened for writing with no reader.
			return nil, nil, fmt.Errorf("%s: not a regular file", path)
		}
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, nil, fmt.Errorf("%s: not a regular file but %s", path, kind(st.Mode()))
	}
	return f, st, nil
}

func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "of type " + m.Type().String()
}

// ReadFile returns the content of the regular file at path, or an error
// when it is not a regular file or holds more than limit bytes.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, st, err := open(path, os.O_RDONLY)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	tooBig := fmt.Errorf("%s: larger than %d bytes", path, limit)
	if st.Size() > limit {
		return nil, tooBig
	}
	// The file may grow after the Stat.
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, tooBig
	}
	return data, nil
}

// WriteFile replaces the content of the file at path with data, creating
// it if it is missing; an existing path must be a regular file.
func WriteFile(path string, data []byte) error {
	f, _, err := open(path, os.O_WRONLY|os.O_CREATE)
	if err != nil {
		return err
	}
	// Truncate only once the file is known to be regular.
	if err := f.Truncate(0); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
