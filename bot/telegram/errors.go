package telegram

import "errors"

// ErrConfig is returned by New for an unusable configuration.
var ErrConfig = errors.New("telegram: invalid configuration")
