package storage

import "errors"

// ErrSchemaTooNew is returned by Open when the file was written by a newer
// beatbot whose schema this build does not know; running on it could
// corrupt data.
var ErrSchemaTooNew = errors.New("storage: data file schema is newer than this build")

// ErrPollChanged is returned by SavePoll when a poll that already has
// answers would change its questions, options or skips: the stored answers
// refer to them by position, and results would silently mix two
// questionnaires.
var ErrPollChanged = errors.New("the poll's questions cannot change once it has answers")

// ErrInUse is returned when another process, normally a running bot,
// holds the data file's lock: a second bot, a restore over it or a direct
// backup of it would fight that process for it.
var ErrInUse = errors.New("storage: the data file is in use by another process (a running bot?)")

// ErrNotDataFile is returned by Verify, Restore and the backup functions
// for a file that is not a complete, consistent beatbot data file.
var ErrNotDataFile = errors.New("storage: not a valid beatbot data file")
