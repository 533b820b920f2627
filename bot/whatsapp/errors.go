package whatsapp

import "errors"

// ErrConfig is returned by New for a configuration it cannot work with; the
// message names the missing settings.
var ErrConfig = errors.New("whatsapp: invalid configuration")
