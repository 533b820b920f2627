package storage

import "errors"

// ErrSchemaTooNew is returned by Open when the file was written by a newer
// beatbot whose schema this build does not know; running on it could
// corrupt data.
var ErrSchemaTooNew = errors.New("storage: data file schema is newer than this build")
