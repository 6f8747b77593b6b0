// The entry point defined in driver.c (no declarations are needed from Swift).
int ouroboros_fuzz_main(int argc, char **argv);
