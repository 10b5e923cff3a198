import dis

value = 0


def increment():
    global value
    value += 1


dis.dis(increment)

# Python 3.11 prints (other versions differ in detail):
#
#   LOAD_GLOBAL    0 (value)   <- LOAD: read the shared value
#   LOAD_CONST     1 (1)
#   BINARY_OP     13 (+=)      <- ADD: value + 1, on this thread's stack
#   STORE_GLOBAL   0 (value)   <- STORE: write the result back
#
# If thread B loads value after thread A has loaded it but before A has
# stored, both store the same number, and one increment is lost. CPython
# with the GIL (3.10+) switches threads only at calls and at a loop's jump
# back, never between these steps; a free-threaded build runs threads at
# the same moment, so there nothing keeps B out.
