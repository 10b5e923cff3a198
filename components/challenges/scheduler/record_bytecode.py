"""Compiles each source (a module with one function) and prints the function's bytecode as `dis` sees it.

Reads a JSON list of sources on stdin; writes a JSON list, one entry per source: the interpreter's
version and each instruction's offset, opname, arg, argval, argrepr, line and whether it is a jump target.
"""
import dis
import json
import platform
import sys


def instructions(source):
    module = compile(source, "<challenge>", "exec")
    [function] = [const for const in module.co_consts if hasattr(const, "co_code")]
    return [
        {
            "offset": i.offset,
            "opname": i.opname,
            "arg": i.arg,
            "argval": i.argval if isinstance(i.argval, (int, str, type(None))) else repr(i.argval),
            "argrepr": i.argrepr,
            "line": i.positions.lineno,
            "startsLine": i.starts_line,
            "target": i.is_jump_target,
        }
        for i in dis.get_instructions(function)
    ]


sources = json.load(sys.stdin)
json.dump({"python": platform.python_version(), "functions": [instructions(s) for s in sources]}, sys.stdout)
