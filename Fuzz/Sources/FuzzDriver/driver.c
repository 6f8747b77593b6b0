// The process entry point of ouroboros-fuzz. SwiftPM links an executable target with `main`
// aliased to `<target>_main`; with -parse-as-library the Swift module emits none, so this file
// provides it and hands control to libFuzzer's driver with the Swift callback.
#include <stddef.h>
#include <stdint.h>
#include "FuzzDriver.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int ouroboros_fuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
