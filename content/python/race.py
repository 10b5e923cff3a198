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
# A thread switch can come between any two of these steps. If thread B
# loads value before thread A has stored, both store the same number,
# and one increment is lost.
