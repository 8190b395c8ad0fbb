#!/usr/bin/env python3
"""Logs in to an SSH server on 127.0.0.1:PORT with a method it did not offer, as paramiko
does whatever the server lists: `kbd` (keyboard-interactive) or `password`, as user guest.
Prints AUTHENTICATED or REFUSED <error>, then AFTER <seconds> until the answer. Used by
Tests/ServeTests/AdmissionTests and the serve benchmark (bench_serve_budgets.py).

    python3 tools/unasked_login.py PORT kbd|password
"""
import sys, time

import paramiko

t = paramiko.Transport(("127.0.0.1", int(sys.argv[1])))
t.start_client(timeout=10)
start = time.time()
try:
    if sys.argv[2] == "kbd":
        t.auth_interactive("guest", lambda title, instructions, prompts: ["x" for _ in prompts])
    else:
        t.auth_password("guest", "x")
    print("AUTHENTICATED")
except Exception as e:
    print("REFUSED", type(e).__name__)
print("AFTER %.4f" % (time.time() - start))
