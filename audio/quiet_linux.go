package audio

// #cgo pkg-config: alsa
// #include <alsa/asoundlib.h>
//
// static void steadyIgnoreALSAError(const char *file, int line, const char *function, int err, const char *fmt, ...) {}
//
// static void steadyQuietALSA(void) { snd_lib_error_set_handler(steadyIgnoreALSAError); }
import "C"

// quietALSA stops alsa-lib from printing its "ALSA lib ..." diagnostics on
// standard error, which it does for every device it tries when there is no
// sound card. The failure still reaches New through oto's error, which says
// what went wrong in one line.
func quietALSA() { C.steadyQuietALSA() }
