//go:build !linux

package audio

// quietALSA does nothing where oto does not use ALSA.
func quietALSA() {}
