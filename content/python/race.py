import dis

value = 0


def increment():
    global value
    value += 1


dis.dis(increment)

# Python 3.11 prints (other versions name or number a few steps differently):
#
#   LOAD_GLOBAL    0 (value)    LOAD:  push the current value onto this thread's stack
#   LOAD_CONST     1 (1)
#   BINARY_OP     13 (+=)       ADD:   compute value + 1, still on this thread's stack
#   STORE_GLOBAL   0 (value)    STORE: write the result back to the shared variable
#
# A thread switch can happen between any two of these steps. If thread B loads value
# before thread A has stored, both store the same number and one increment is lost.
