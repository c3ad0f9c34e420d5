package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
)

// profileEnv names a file for a CPU profile of the open window, from just
// before its main loop runs to just after it ends: how the processor time
// figures in docs/PERFORMANCE.md are looked into (go tool pprof FILE). It is
// meant for measuring, so it is not in -help.
const profileEnv = "STEADY_CPUPROFILE"

// startProfile starts the CPU profile STEADY_CPUPROFILE asks for and returns
// what ends it; without the variable, or when the profile cannot start, it
// says why (if it can) and returns a function that does nothing.
func startProfile(stderr io.Writer) (stop func()) {
	path := os.Getenv(profileEnv)
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(stderr, "steady: %s: %v\n", profileEnv, err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(stderr, "steady: %s: %v\n", profileEnv, err)
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			fmt.Fprintf(stderr, "steady: %s: %v\n", profileEnv, err)
		}
	}
}
